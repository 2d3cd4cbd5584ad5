package io.eventgateway.application.ingest;

/** A store of the fallback chain was skipped or is missing: the write goes on to the next link. */
public final class TargetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message) {
        super(message);
    }
}
