package io.eventgateway.bootstrap.config;

import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code eventgateway.topics.*}: names, partitions, replication and retention of every topic. */
@ConfigurationProperties("eventgateway.topics")
public record TopicsConfig(
        String prefix,
        int p30Partitions,
        int p20Partitions,
        int p10Partitions,
        int offloadPartitions,
        int retryPartitions,
        int dlqPartitions,
        int responsePartitions,
        int failedWritesPartitions,
        int retryLevels,
        int orchestratorReplicas,
        int replicationFactor,
        int minInsyncReplicas,
        Duration maxBacklogAge,
        Duration retention) {

    /** @param longestDelay the longest time a record may wait behind a delay (retry level or ingest delay) */
    public TopicSettings toSettings(Duration longestDelay, boolean singleNode) {
        TopicSettings settings = new TopicSettings(
                new PartitionCounts(p30Partitions, p20Partitions, p10Partitions, offloadPartitions, retryPartitions,
                        dlqPartitions, responsePartitions, 1, failedWritesPartitions, 1),
                retryLevels, orchestratorReplicas, replicationFactor, minInsyncReplicas, maxBacklogAge, longestDelay,
                retention);
        return singleNode ? settings.forSingleNode() : settings;
    }
}
