package io.eventgateway.adapters.kafka.dispatch;

/**
 * The committer's transactional producer failed fatally (not fenced): no commit can succeed until the replica
 * restarts. Not retriable.
 */
public final class CommitterFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommitterFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
