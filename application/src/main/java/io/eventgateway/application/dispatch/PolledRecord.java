package io.eventgateway.application.dispatch;

import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Objects;

/**
 * One record a lane consumer read: where it sits, its encoded StoredRecord (decoded by the dispatch service with the
 * codec port) and the broker's append time (for poll delay and backlog age).
 */
public record PolledRecord(SourcePosition source, byte[] value, Instant appendedAt) {

    public PolledRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(appendedAt, "appendedAt");
    }
}
