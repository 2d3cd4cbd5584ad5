package io.eventgateway.adapters.kafka.topics;

import io.eventgateway.domain.priority.Lane;

/**
 * Partitions per kind of topic. Every count is {@code >= 1}. Choose them for the largest fleet expected: a topic's
 * partitions are never added automatically later (see {@link KafkaTopicAdmin}).
 *
 * @param retry       partitions of each retry-level topic
 * @param response    partitions of the response topic; replica {@code i} reads partition {@code i}
 * @param flowControl partitions of the compacted flow-control topic
 * @param dlqRedrive  partitions of the compacted topic of redriven-DLQ-offset markers
 */
public record PartitionCounts(
        int p30,
        int p20,
        int p10,
        int offload,
        int retry,
        int dlq,
        int response,
        int flowControl,
        int failedWrites,
        int dlqRedrive) {

    /** Eight per lane, retry level, response and failed-writes topic; four for the DLQ; one per compacted topic. */
    public static PartitionCounts defaults() {
        return new PartitionCounts(8, 8, 8, 8, 8, 4, 8, 1, 8, 1);
    }

    public PartitionCounts {
        requirePositive(p30, "p30");
        requirePositive(p20, "p20");
        requirePositive(p10, "p10");
        requirePositive(offload, "offload");
        requirePositive(retry, "retry");
        requirePositive(dlq, "dlq");
        requirePositive(response, "response");
        requirePositive(flowControl, "flowControl");
        requirePositive(failedWrites, "failedWrites");
        requirePositive(dlqRedrive, "dlqRedrive");
    }

    /** The partitions of a lane's topic; for {@link Lane#RETRY}, of each retry-level topic. */
    public int of(Lane lane) {
        return switch (lane) {
            case P30 -> p30;
            case P20 -> p20;
            case P10 -> p10;
            case OFFLOAD -> offload;
            case RETRY -> retry;
        };
    }

    private static void requirePositive(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException("partitions." + name + " must be >= 1, was " + count);
        }
    }
}
