package io.eventgateway.domain.task;

/** Where a stored task was read from: a Kafka topic, partition and offset, without the framework types. */
public record SourcePosition(String topic, int partition, long offset) {

    public SourcePosition {
        TaskId.requireTopic(topic);
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }
}
