package io.eventgateway.application.recovery;

/**
 * Records were not all acked by the primary (it is down or refused them). Retriable: whatever was not acked is
 * still at its source, untouched, and the next attempt re-drives it.
 */
public final class RedriveFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RedriveFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
