package io.eventgateway.bootstrap.publisher;

import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicApplyReport;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The topics a test publisher writes to, small and on a single node: created before the role starts, as
 * {@code topics apply} would, so the publisher never waits for a topic to appear.
 */
public final class PlannedTopics {

    static final int LANE_PARTITIONS = 2;

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private PlannedTopics() {
    }

    /** The {@code eventgateway.topics.*} properties that describe the same topics to the role. */
    public static Map<String, Object> configuration() {
        return Map.ofEntries(
                Map.entry("eventgateway.topics.p30-partitions", LANE_PARTITIONS),
                Map.entry("eventgateway.topics.p20-partitions", LANE_PARTITIONS),
                Map.entry("eventgateway.topics.p10-partitions", LANE_PARTITIONS),
                Map.entry("eventgateway.topics.offload-partitions", LANE_PARTITIONS),
                Map.entry("eventgateway.topics.failed-writes-partitions", LANE_PARTITIONS),
                Map.entry("eventgateway.topics.retry-partitions", 1),
                Map.entry("eventgateway.topics.dlq-partitions", 1),
                Map.entry("eventgateway.topics.response-partitions", 1),
                Map.entry("eventgateway.topics.replication-factor", 1),
                Map.entry("eventgateway.topics.min-insync-replicas", 1));
    }

    /** Creates the topics {@code cluster} holds under {@code prefix} on the broker at {@code bootstrapServers}. */
    public static TopicApplyReport apply(String bootstrapServers, String prefix, Cluster cluster) {
        TopicSettings settings = new TopicSettings(
                new PartitionCounts(LANE_PARTITIONS, LANE_PARTITIONS, LANE_PARTITIONS, LANE_PARTITIONS, 1, 1, 1, 1,
                        LANE_PARTITIONS, 1),
                3, 1, 1, 1, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(8));
        TopicPlan plan = TopicPlan.of(new TopicNames(prefix), settings);
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(cluster,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), CALL_TIMEOUT)) {
            return admin.apply(plan.forCluster(cluster), false);
        }
    }
}
