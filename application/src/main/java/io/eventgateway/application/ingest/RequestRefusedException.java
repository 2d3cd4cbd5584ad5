package io.eventgateway.application.ingest;

import java.time.Duration;

/**
 * A whole request refused before anything of it was stored. Transports map {@link Reason} to their codes in one
 * place each (HTTP 413/429, gRPC INVALID_ARGUMENT/RESOURCE_EXHAUSTED).
 */
public final class RequestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** More events or bytes than one request may carry; not retriable as is. */
        TOO_LARGE,
        /** The gateway holds as many in-flight bytes as it may; retry after {@link #retryAfter()}. */
        OVERLOADED
    }

    private final Reason reason;
    private final String field;
    private final transient Duration retryAfter;

    public RequestRefusedException(Reason reason, String field, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, e.g. {@code events}. */
    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
