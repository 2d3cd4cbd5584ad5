package io.eventgateway.adapters.s3.spool;

/**
 * The spool could not be reached or could not take the work now: the server or bucket is unreachable or missing,
 * a request failed, or the writer queue is full or closed. Retriable; the message names the bucket and endpoint.
 */
public final class SpoolUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpoolUnavailableException(String message) {
        super(message);
    }

    public SpoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
