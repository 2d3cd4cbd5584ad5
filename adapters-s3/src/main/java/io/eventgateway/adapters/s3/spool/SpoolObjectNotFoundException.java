package io.eventgateway.adapters.s3.spool;

/**
 * The spool object asked for is not there, typically because an earlier replay already re-drove and deleted it.
 * Not retriable: there is nothing left to read.
 */
public final class SpoolObjectNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpoolObjectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
