package io.eventgateway.application.dispatch;

/** One partition of one source topic, without Kafka types. */
public record SourcePartition(String topic, int partition) {

    public SourcePartition {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
