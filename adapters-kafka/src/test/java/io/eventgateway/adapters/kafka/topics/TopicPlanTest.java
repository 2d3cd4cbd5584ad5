package io.eventgateway.adapters.kafka.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicPlanTest {

    private static final Duration LONGEST_DELAY = Duration.ofMinutes(21);
    private static final String RETENTION_MS = String.valueOf(Duration.ofDays(7).plus(LONGEST_DELAY).toMillis());

    private final TopicPlan plan = TopicPlan.of(TopicNames.defaults(), TopicSettings.defaults(LONGEST_DELAY));

    @Test
    void thePrimaryClusterHoldsLaneRetryDlqResponseFlowControlAndRedriveTopicsInThatOrder() {
        assertThat(plan.forCluster(Cluster.PRIMARY)).extracting(TopicSpec::name).containsExactly(
                "eg.p30", "eg.p20", "eg.p10", "eg.offload", "eg.retry.1", "eg.retry.2", "eg.retry.3",
                "eg.dlq", "eg.response", "eg.flow-control", "eg.dlq-redrive");
    }

    @Test
    void theAlternateClusterHoldsOnlyFailedWrites() {
        assertThat(plan.forCluster(Cluster.ALTERNATE)).extracting(TopicSpec::name).containsExactly("eg.failed-writes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eg.p30", "eg.p20", "eg.p10", "eg.offload", "eg.retry.1", "eg.retry.3", "eg.dlq",
            "eg.response", "eg.failed-writes"})
    void aDataTopicIsDeletedByTimeAfterTheRetentionWithTheConfiguredMinInsyncAndTakesMebibyteRecords(String topic) {
        assertThat(spec(topic).configs()).isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", RETENTION_MS,
                "min.insync.replicas", "2", "max.message.bytes", String.valueOf(4 * 1024 * 1024)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eg.flow-control", "eg.dlq-redrive"})
    void aStateTopicIsCompacted(String topic) {
        assertThat(spec(topic).configs()).isEqualTo(Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
    }

    @ParameterizedTest
    @CsvSource({"eg.p30, 1", "eg.p20, 2", "eg.p10, 3", "eg.offload, 4", "eg.retry.1, 5", "eg.retry.2, 5",
            "eg.dlq, 6", "eg.response, 7", "eg.flow-control, 8", "eg.failed-writes, 9", "eg.dlq-redrive, 10"})
    void eachTopicGetsThePartitionsOfItsKind(String topic, int partitions) {
        TopicSettings settings = new TopicSettings(new PartitionCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 2, 1, 3, 2,
                Duration.ofDays(7), LONGEST_DELAY, Duration.ofDays(8));

        TopicPlan custom = TopicPlan.of(TopicNames.defaults(), settings);

        assertThat(custom.topics()).filteredOn(spec -> spec.name().equals(topic))
                .singleElement().extracting(TopicSpec::partitions).isEqualTo(partitions);
    }

    @Test
    void everyTopicGetsTheConfiguredReplicationFactor() {
        TopicPlan singleNode = TopicPlan.of(TopicNames.defaults(), TopicSettings.defaults(LONGEST_DELAY).forSingleNode());

        assertThat(singleNode.topics()).extracting(TopicSpec::replicationFactor).containsOnly(1);
    }

    @Test
    void theNamesTakeThePrefix() {
        TopicPlan prefixed = TopicPlan.of(new TopicNames("staging.eg."), TopicSettings.defaults(LONGEST_DELAY));

        assertThat(prefixed.topics()).extracting(TopicSpec::name).allMatch(name -> name.startsWith("staging.eg."));
    }

    @Test
    void aTopicPlannedTwiceIsRefused() {
        TopicSpec topic = new TopicSpec("eg.p30", 8, 3, Map.of(), Cluster.PRIMARY);

        assertThatIllegalArgumentException().isThrownBy(() -> new TopicPlan(List.of(topic, topic)))
                .withMessage("topic eg.p30 is planned twice");
    }

    private TopicSpec spec(String topic) {
        return plan.topics().stream().filter(spec -> spec.name().equals(topic)).findFirst().orElseThrow();
    }
}
