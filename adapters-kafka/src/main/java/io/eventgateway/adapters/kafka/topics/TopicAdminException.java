package io.eventgateway.adapters.kafka.topics;

/**
 * A topic admin call failed or did not answer in time; the message names the cluster, its bootstrap servers and the
 * call. Retriable once the cluster is reachable: apply is idempotent.
 */
public final class TopicAdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TopicAdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
