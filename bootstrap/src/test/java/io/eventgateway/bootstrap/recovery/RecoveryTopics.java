package io.eventgateway.bootstrap.recovery;

import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Small single-node topics under a test's own prefix, created as {@code topics apply} would, and their settings. */
final class RecoveryTopics {

    static final int PARTITIONS = 2;

    private RecoveryTopics() {
    }

    static void apply(String bootstrapServers, String prefix, Cluster cluster) {
        TopicSettings settings = new TopicSettings(
                new PartitionCounts(PARTITIONS, PARTITIONS, PARTITIONS, PARTITIONS, 1, PARTITIONS, 1, 1, PARTITIONS,
                        1),
                3, 1, 1, 1, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(8));
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(cluster,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(30))) {
            admin.apply(TopicPlan.of(new TopicNames(prefix), settings).forCluster(cluster), false);
        }
    }

    /** The role and command properties that describe the same topics, with short timeouts for tests. */
    static Map<String, Object> properties(String primaryServers, String prefix) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", primaryServers);
        properties.put("eventgateway.topics.prefix", prefix);
        for (String topic : new String[] {"p30", "p20", "p10", "offload", "dlq", "failed-writes"}) {
            properties.put("eventgateway.topics." + topic + "-partitions", PARTITIONS);
        }
        properties.put("eventgateway.topics.retry-partitions", 1);
        properties.put("eventgateway.topics.response-partitions", 1);
        properties.put("eventgateway.topics.replication-factor", 1);
        properties.put("eventgateway.topics.min-insync-replicas", 1);
        properties.put("eventgateway.flow-control.interval", "100ms");
        properties.put("eventgateway.flow-control.stale-after", "1s");
        properties.put("eventgateway.recovery.poll-timeout", "100ms");
        properties.put("eventgateway.recovery.write-timeout", "1s");
        properties.put("eventgateway.recovery.ack-timeout", "5s");
        properties.put("eventgateway.recovery.backoff-initial", "100ms");
        properties.put("eventgateway.recovery.backoff-max", "500ms");
        properties.put("eventgateway.recovery.request-timeout", "5s");
        properties.put("eventgateway.recovery.batch-size", 50);
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        return properties;
    }
}
