package io.eventgateway.adapters.kafka.topics;

import io.eventgateway.domain.priority.Lane;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic the gateway needs, derived from {@link TopicNames} and {@link TopicSettings}. The primary cluster holds
 * the lane, retry, DLQ and response topics (deleted by time) and the flow-control and DLQ-redrive topics (compacted:
 * only the latest value per key matters); the alternate cluster holds {@code failed-writes}.
 *
 * <p>Invariant: topic names are unique.
 */
public record TopicPlan(List<TopicSpec> topics) {

    public TopicPlan {
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        Set<String> names = new HashSet<>();
        for (TopicSpec topic : topics) {
            if (!names.add(topic.name())) {
                throw new IllegalArgumentException("topic " + topic.name() + " is planned twice");
            }
        }
    }

    public static TopicPlan of(TopicNames names, TopicSettings settings) {
        PartitionCounts partitions = settings.partitions();
        List<TopicSpec> topics = new ArrayList<>();
        for (Lane lane : List.of(Lane.P30, Lane.P20, Lane.P10, Lane.OFFLOAD)) {
            topics.add(retained(names.lane(lane), partitions.of(lane), settings, Cluster.PRIMARY));
        }
        for (int level = 1; level <= settings.retryLevels(); level++) {
            topics.add(retained(names.retry(level), partitions.retry(), settings, Cluster.PRIMARY));
        }
        topics.add(retained(names.dlq(), partitions.dlq(), settings, Cluster.PRIMARY));
        topics.add(retained(names.response(), partitions.response(), settings, Cluster.PRIMARY));
        topics.add(compacted(names.flowControl(), partitions.flowControl(), settings));
        topics.add(compacted(names.dlqRedriveMarkers(), partitions.dlqRedrive(), settings));
        topics.add(retained(names.failedWrites(), partitions.failedWrites(), settings, Cluster.ALTERNATE));
        return new TopicPlan(topics);
    }

    /**
     * {@code max.message.bytes} of every record-carrying topic: a stored record holds a payload of up to the ingest
     * limit (1 MiB by default) plus its fields, which Kafka's default of about 1 MB would refuse. Writers' {@code
     * max.request.size} matches it.
     */
    public static final int MAX_RECORD_BATCH_BYTES = 4 * 1024 * 1024;

    /** The topics of one cluster, in plan order. */
    public List<TopicSpec> forCluster(Cluster cluster) {
        return topics.stream().filter(topic -> topic.cluster() == cluster).toList();
    }

    private static TopicSpec retained(String name, int partitions, TopicSettings settings, Cluster cluster) {
        return new TopicSpec(name, partitions, settings.replicationFactor(), Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_RECORD_BATCH_BYTES),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retention().toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas())),
                cluster);
    }

    private static TopicSpec compacted(String name, int partitions, TopicSettings settings) {
        return new TopicSpec(name, partitions, settings.replicationFactor(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas())),
                Cluster.PRIMARY);
    }
}
