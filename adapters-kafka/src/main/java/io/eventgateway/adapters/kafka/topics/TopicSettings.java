package io.eventgateway.adapters.kafka.topics;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code topics apply} creates: partition counts, retry levels, replication and retention.
 *
 * <p>Invariant: {@code retention >= maxBacklogAge + longestDelay}. A record may wait in a backlog for up to
 * {@code maxBacklogAge} and sit in a retry level or behind an ingest delay for up to {@code longestDelay}; a shorter
 * retention would let Kafka delete records nobody has consumed yet, so it is refused here rather than discovered as
 * data loss.
 *
 * @param retryLevels          how many retry-level topics ({@code retry.1 … retry.N}); must match the retry policy
 * @param orchestratorReplicas orchestrator replicas N; the response topic needs a partition for each
 * @param replicationFactor    replicas of every topic (3 in production, 1 on the embedded single node)
 * @param minInsyncReplicas    {@code min.insync.replicas} of every topic, {@code 1..replicationFactor}
 * @param maxBacklogAge        the oldest a record may get before it is consumed
 * @param longestDelay         the longest retry-level delay or ingest delay, given by the caller
 * @param retention            {@code retention.ms} of every lane, retry, offload, DLQ, response and failed-writes topic
 */
public record TopicSettings(
        PartitionCounts partitions,
        int retryLevels,
        int orchestratorReplicas,
        int replicationFactor,
        int minInsyncReplicas,
        Duration maxBacklogAge,
        Duration longestDelay,
        Duration retention) {

    public static final int DEFAULT_RETRY_LEVELS = 3;
    public static final int DEFAULT_REPLICATION_FACTOR = 3;
    public static final int DEFAULT_MIN_INSYNC_REPLICAS = 2;
    public static final Duration DEFAULT_MAX_BACKLOG_AGE = Duration.ofDays(7);

    /**
     * Production defaults for one orchestrator replica: default partitions, three retry levels, replication 3 with
     * two in sync, a seven-day backlog, and the least retention that allows it: {@code 7 days + longestDelay}.
     */
    public static TopicSettings defaults(Duration longestDelay) {
        Objects.requireNonNull(longestDelay, "longestDelay");
        return new TopicSettings(PartitionCounts.defaults(), DEFAULT_RETRY_LEVELS, 1, DEFAULT_REPLICATION_FACTOR,
                DEFAULT_MIN_INSYNC_REPLICAS, DEFAULT_MAX_BACKLOG_AGE, longestDelay,
                DEFAULT_MAX_BACKLOG_AGE.plus(longestDelay));
    }

    public TopicSettings {
        Objects.requireNonNull(partitions, "partitions");
        if (retryLevels < 1) {
            throw new IllegalArgumentException("retryLevels must be >= 1, was " + retryLevels);
        }
        if (orchestratorReplicas < 1) {
            throw new IllegalArgumentException("orchestratorReplicas must be >= 1, was " + orchestratorReplicas);
        }
        if (partitions.response() < orchestratorReplicas) {
            throw new IllegalArgumentException("partitions.response (" + partitions.response()
                    + ") must be >= orchestratorReplicas (" + orchestratorReplicas
                    + "): each replica reads the responses to its leases from its own partition");
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "replicationFactor must be in 1.." + Short.MAX_VALUE + ", was " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("minInsyncReplicas must be in 1..replicationFactor ("
                    + replicationFactor + "), was " + minInsyncReplicas);
        }
        requirePositive(maxBacklogAge, "maxBacklogAge");
        if (longestDelay == null || longestDelay.isNegative()) {
            throw new IllegalArgumentException("longestDelay must be a duration >= 0, was " + longestDelay);
        }
        requirePositive(retention, "retention");
        Duration least = maxBacklogAge.plus(longestDelay);
        if (retention.compareTo(least) < 0) {
            throw new IllegalArgumentException("retention " + retention + " is refused: it must be at least "
                    + "maxBacklogAge (" + maxBacklogAge + ") + longestDelay (" + longestDelay + ") = " + least
                    + ", or Kafka may delete backlogged or delayed records before they are consumed");
        }
    }

    /** The same settings for a single-node cluster (the embedded broker): one replica, one in sync. */
    public TopicSettings forSingleNode() {
        return new TopicSettings(partitions, retryLevels, orchestratorReplicas, 1, 1, maxBacklogAge, longestDelay,
                retention);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
