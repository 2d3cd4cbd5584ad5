package io.eventgateway.adapters.kafka.topics;

/** The two Kafka clusters the gateway writes to. */
public enum Cluster {
    /** Lane, retry, DLQ, response, flow-control and DLQ-redrive topics: where the gateway normally works. */
    PRIMARY,
    /** Only {@code failed-writes}: where the publisher stores what the primary would not take. */
    ALTERNATE
}
