package io.eventgateway.adapters.kafka.topics;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicSettingsTest {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(21);
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);

    @Test
    void theDefaultsFollowTheDesign() {
        TopicSettings settings = TopicSettings.defaults(LONGEST_DELAY);

        assertThat(settings.partitions()).isEqualTo(PartitionCounts.defaults());
        assertThat(settings.retryLevels()).isEqualTo(3);
        assertThat(settings.replicationFactor()).isEqualTo(3);
        assertThat(settings.minInsyncReplicas()).isEqualTo(2);
        assertThat(settings.maxBacklogAge()).isEqualTo(SEVEN_DAYS);
    }

    @Test
    void theDefaultRetentionIsTheLeastThatCoversTheBacklogAgeAndTheLongestDelay() {
        assertThat(TopicSettings.defaults(LONGEST_DELAY).retention()).isEqualTo(SEVEN_DAYS.plus(LONGEST_DELAY));
    }

    @Test
    void aRetentionOfExactlyBacklogAgePlusLongestDelayIsAccepted() {
        TopicSettings settings = settings(SEVEN_DAYS.plus(LONGEST_DELAY));

        assertThat(settings.retention()).isEqualTo(SEVEN_DAYS.plus(LONGEST_DELAY));
    }

    @Test
    void aRetentionBelowBacklogAgePlusLongestDelayIsRefusedWithTheArithmetic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(SEVEN_DAYS.plus(LONGEST_DELAY).minusMillis(1)))
                .withMessageContaining("retention")
                .withMessageContaining("is refused")
                .withMessageContaining("maxBacklogAge (PT168H) + longestDelay (PT21M) = PT168H21M");
    }

    @Test
    void forSingleNodeKeepsEverythingButReplication() {
        TopicSettings settings = TopicSettings.defaults(LONGEST_DELAY).forSingleNode();

        assertThat(settings.replicationFactor()).isEqualTo(1);
        assertThat(settings.minInsyncReplicas()).isEqualTo(1);
        assertThat(settings.retention()).isEqualTo(SEVEN_DAYS.plus(LONGEST_DELAY));
    }

    @Test
    void fewerResponsePartitionsThanOrchestratorReplicasAreRefused() {
        PartitionCounts partitions = new PartitionCounts(8, 8, 8, 8, 8, 4, 2, 1, 8, 1);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSettings(partitions, 3, 3, 3, 2, SEVEN_DAYS, LONGEST_DELAY,
                        SEVEN_DAYS.plus(LONGEST_DELAY)))
                .withMessageStartingWith("partitions.response (2) must be >= orchestratorReplicas (3)");
    }

    @Test
    void minInsyncReplicasAboveTheReplicationFactorAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSettings(PartitionCounts.defaults(), 3, 1, 1, 2, SEVEN_DAYS,
                        LONGEST_DELAY, SEVEN_DAYS.plus(LONGEST_DELAY)))
                .withMessageStartingWith("minInsyncReplicas");
    }

    @Test
    void zeroRetryLevelsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSettings(PartitionCounts.defaults(), 0, 1, 3, 2, SEVEN_DAYS,
                        LONGEST_DELAY, SEVEN_DAYS.plus(LONGEST_DELAY)))
                .withMessageStartingWith("retryLevels");
    }

    @Test
    void aNegativeLongestDelayIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSettings(PartitionCounts.defaults(), 3, 1, 3, 2, SEVEN_DAYS,
                        Duration.ofSeconds(-1), SEVEN_DAYS))
                .withMessageStartingWith("longestDelay");
    }

    @Test
    void aZeroMaxBacklogAgeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSettings(PartitionCounts.defaults(), 3, 1, 3, 2, Duration.ZERO,
                        LONGEST_DELAY, SEVEN_DAYS))
                .withMessageStartingWith("maxBacklogAge");
    }

    private static TopicSettings settings(Duration retention) {
        return new TopicSettings(PartitionCounts.defaults(), 3, 1, 3, 2, SEVEN_DAYS, LONGEST_DELAY, retention);
    }
}
