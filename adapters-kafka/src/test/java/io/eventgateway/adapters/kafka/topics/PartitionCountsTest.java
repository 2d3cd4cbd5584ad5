package io.eventgateway.adapters.kafka.topics;

import io.eventgateway.domain.priority.Lane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionCountsTest {

    @Test
    void theDefaultsAreEightPerLaneFourForTheDlqAndOnePerCompactedTopic() {
        assertThat(PartitionCounts.defaults()).isEqualTo(new PartitionCounts(8, 8, 8, 8, 8, 4, 8, 1, 8, 1));
    }

    @ParameterizedTest
    @CsvSource({"P30, 1", "P20, 2", "P10, 3", "OFFLOAD, 4", "RETRY, 5"})
    void eachLaneHasItsOwnCount(Lane lane, int expected) {
        assertThat(new PartitionCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).of(lane)).isEqualTo(expected);
    }

    @Test
    void aCountBelowOneIsRefusedNamingTheTopicKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PartitionCounts(8, 8, 8, 8, 8, 0, 8, 1, 8, 1))
                .withMessage("partitions.dlq must be >= 1, was 0");
    }
}
