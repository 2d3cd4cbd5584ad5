package io.eventgateway.adapters.s3.spool;

import java.time.Instant;
import java.util.Objects;

/** A spool object as listed: its key, the write time its key carries, and its size. */
public record SpoolObject(String key, Instant writtenAt, long sizeBytes) {

    public SpoolObject {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
    }
}
