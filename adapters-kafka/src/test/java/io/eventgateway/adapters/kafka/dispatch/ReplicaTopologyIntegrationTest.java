package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import org.junit.jupiter.api.Test;

/** The topology read from the shared broker. */
class ReplicaTopologyIntegrationTest {

    @Test
    void givenTopicsApplied_thenTheReplicaOwnsItsPartitionsAsTheClusterHasThem() {
        try (DispatchTopics topics = new DispatchTopics(3, 2, 2)) {
            ReplicaTopology topology = ReplicaTopology.describe(topics.settings(1, 2), topics.laneTopics,
                    DispatchTopics.CALL_TIMEOUT);

            assertThat(topology.ownedPartitions(Lane.P10))
                    .containsExactly(new SourcePartition(topics.names.lane(Lane.P10), 1));
            assertThat(topology.responsePartition()).isEqualTo(new SourcePartition(topics.names.response(), 1));
        }
    }

    @Test
    void givenTooFewPartitionsForTheReplicas_thenStartingFailsNamingTheTopics() {
        try (DispatchTopics topics = new DispatchTopics(2, 2, 2)) {
            OrchestratorKafkaSettings threeReplicas = topics.settings(0, 3);

            assertThatIllegalStateException().isThrownBy(() -> ReplicaTopology.describe(threeReplicas,
                    topics.laneTopics, DispatchTopics.CALL_TIMEOUT))
                    .withMessageContaining("lane topic " + topics.names.lane(Lane.P30) + " has 2 partitions, fewer "
                            + "than the 3 replicas")
                    .withMessageContaining("response topic has 2 partitions");
        }
    }

    @Test
    void givenNoTopicsAtAll_thenStartingFailsNamingEveryMissingTopic() {
        TopicNames nothing = new TopicNames(TestTopics.unique("absent") + ".");
        LaneTopics laneTopics = new LaneTopics(nothing, 1);
        OrchestratorKafkaSettings settings = OrchestratorKafkaSettings.defaults(SharedKafkaBroker.bootstrapServers(),
                0, 1);

        assertThatIllegalStateException()
                .isThrownBy(() -> ReplicaTopology.describe(settings, laneTopics, DispatchTopics.CALL_TIMEOUT))
                .withMessageContaining("missing topics [" + nothing.lane(Lane.P30))
                .withMessageContaining(nothing.retry(1))
                .withMessageContaining(nothing.response() + "]");
    }
}
