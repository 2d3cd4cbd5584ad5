package io.eventgateway.adapters.kafka.dlq;

/**
 * The primary cluster could not be read (unreachable, or a topic missing): retriable; the message names the cluster
 * and the topic, so it can be shown as is.
 */
public final class DlqUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DlqUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
