package io.eventgateway.application.recovery;

import java.time.Instant;
import java.util.Objects;

/** An S3 spool object as listed: its key, when the publisher wrote it, and its size. */
public record SpooledObject(String key, Instant writtenAt, long sizeBytes) {

    public SpooledObject {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
    }
}
