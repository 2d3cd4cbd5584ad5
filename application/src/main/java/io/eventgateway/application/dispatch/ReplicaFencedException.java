package io.eventgateway.application.dispatch;

/** Another process took over this replica index: this one must stop serving and exit. */
public final class ReplicaFencedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplicaFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
