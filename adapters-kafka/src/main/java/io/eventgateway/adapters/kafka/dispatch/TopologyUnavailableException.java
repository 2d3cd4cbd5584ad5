package io.eventgateway.adapters.kafka.dispatch;

/** The cluster could not be asked for the topic layout (unreachable, timed out): retriable, unlike a bad layout. */
public final class TopologyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopologyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
