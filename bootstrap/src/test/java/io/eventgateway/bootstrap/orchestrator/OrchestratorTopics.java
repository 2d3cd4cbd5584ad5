package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The primary-cluster topics of a test orchestrator, small and on a single node, created before the role starts as
 * {@code topics apply} would: two partitions per lane, retry level and response topic, so two replicas fit.
 */
final class OrchestratorTopics {

    static final int PARTITIONS = 2;
    static final int RETRY_LEVELS = 3;

    private OrchestratorTopics() {
    }

    static void apply(String bootstrapServers, String prefix) {
        TopicSettings settings = new TopicSettings(
                new PartitionCounts(PARTITIONS, PARTITIONS, PARTITIONS, PARTITIONS, PARTITIONS, 1, PARTITIONS, 1,
                        PARTITIONS, 1),
                RETRY_LEVELS, PARTITIONS, 1, 1, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(8));
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(Cluster.PRIMARY,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(30))) {
            admin.apply(TopicPlan.of(new TopicNames(prefix), settings).forCluster(Cluster.PRIMARY), false);
        }
    }
}
