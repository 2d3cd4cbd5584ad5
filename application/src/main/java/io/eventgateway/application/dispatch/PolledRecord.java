package io.eventgateway.application.dispatch;

import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Objects;

/**
 * One record a lane consumer read: where it sits, its encoded StoredRecord (decoded by the dispatch service with the
 * codec port), the broker's append time (for poll delay, backlog age and a retry level's due time) and, for a record
 * back from a retry topic, when its first attempt failed (carried along for the dead-letter record).
 */
public record PolledRecord(SourcePosition source, byte[] value, Instant appendedAt, Instant firstFailedAt) {

    public PolledRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(appendedAt, "appendedAt");
    }

    /** A record with no failure behind it. */
    public PolledRecord(SourcePosition source, byte[] value, Instant appendedAt) {
        this(source, value, appendedAt, null);
    }
}
