package io.eventgateway.application.record;

/** Bytes that should hold a stored record do not: not retriable, the record goes to the DLQ or is reported. */
public final class CorruptRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
