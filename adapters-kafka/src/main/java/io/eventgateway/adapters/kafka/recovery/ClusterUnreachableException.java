package io.eventgateway.adapters.kafka.recovery;

/** A Kafka cluster did not answer; retriable. The message names the cluster and its address. */
public final class ClusterUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
