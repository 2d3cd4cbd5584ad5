package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.replica.ReplicaIdentity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaTopologyTest {

    private static final LaneTopics TOPICS = new LaneTopics(TopicNames.defaults(), 2);

    /** Every topic of {@link #TOPICS} with {@code partitions} partitions. */
    private static Map<String, Integer> allWith(int partitions) {
        Map<String, Integer> counts = new HashMap<>();
        TOPICS.all().forEach(topic -> counts.put(topic, partitions));
        counts.put(TOPICS.response(), partitions);
        return counts;
    }

    @Test
    void replicaOneOfThreeOwnsEveryThirdPartitionFromOne() {
        ReplicaTopology topology = ReplicaTopology.of(new ReplicaIdentity(1, 3), TOPICS, allWith(8));

        assertThat(topology.ownedPartitions(Lane.P30)).containsExactly(new SourcePartition("eg.p30", 1),
                new SourcePartition("eg.p30", 4), new SourcePartition("eg.p30", 7));
    }

    @Test
    void theRetryLaneOwnsItsPartitionsOfEveryLevel() {
        ReplicaTopology topology = ReplicaTopology.of(new ReplicaIdentity(0, 2), TOPICS, allWith(4));

        assertThat(topology.ownedPartitions(Lane.RETRY)).containsExactly(
                new SourcePartition("eg.retry.1", 0), new SourcePartition("eg.retry.1", 2),
                new SourcePartition("eg.retry.2", 0), new SourcePartition("eg.retry.2", 2));
    }

    @Test
    void theResponsePartitionIsTheReplicaIndex() {
        ReplicaTopology topology = ReplicaTopology.of(new ReplicaIdentity(2, 3), TOPICS, allWith(3));

        assertThat(topology.responsePartition()).isEqualTo(new SourcePartition("eg.response", 2));
    }

    @Test
    void missingTopicsAreNamedInOneLine() {
        Map<String, Integer> counts = allWith(4);
        counts.remove("eg.p20");
        counts.remove("eg.retry.2");

        assertThatIllegalStateException()
                .isThrownBy(() -> ReplicaTopology.of(new ReplicaIdentity(0, 2), TOPICS, counts))
                .withMessage("topic layout does not fit orchestrator replica 0 of 2: missing topics "
                        + "[eg.p20, eg.retry.2] (create them with `topics apply`)");
    }

    @Test
    void aLaneTopicWithFewerPartitionsThanReplicasIsRefused() {
        Map<String, Integer> counts = allWith(4);
        counts.put("eg.offload", 2);

        assertThatIllegalStateException()
                .isThrownBy(() -> ReplicaTopology.of(new ReplicaIdentity(0, 3), TOPICS, counts))
                .withMessageContaining("lane topic eg.offload has 2 partitions, fewer than the 3 replicas")
                .withMessageNotContaining("\n");
    }

    @Test
    void aResponseTopicWithFewerPartitionsThanReplicasIsRefused() {
        Map<String, Integer> counts = allWith(4);
        counts.put("eg.response", 1);

        assertThatIllegalStateException()
                .isThrownBy(() -> ReplicaTopology.of(new ReplicaIdentity(0, 2), TOPICS, counts))
                .withMessageContaining("response topic has 1 partitions, fewer than the 2 replicas");
    }

    @Test
    void aMissingResponseTopicIsReportedOnlyAsMissing() {
        Map<String, Integer> counts = allWith(4);
        counts.remove("eg.response");

        assertThatIllegalStateException()
                .isThrownBy(() -> ReplicaTopology.of(new ReplicaIdentity(0, 2), TOPICS, counts))
                .withMessageEndingWith("missing topics [eg.response] (create them with `topics apply`)");
    }
}
