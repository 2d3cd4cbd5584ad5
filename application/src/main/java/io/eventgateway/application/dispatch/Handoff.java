package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Objects;

/**
 * A record leaving the replica for another topic: a retry level, offload or the dead-letter queue. Its source offset
 * is done once the {@link HandoffWriter} says the record is written.
 *
 * @param record        the full event as it goes out: attempts, {@code delay_until}, offloads and last error set
 * @param source        where this replica read it
 * @param firstFailedAt when its first attempt failed; null while none has (an ingest delay on its way through the
 *                      retry levels)
 */
public record Handoff(HandoffTarget target, EventRecord record, SourcePosition source, Instant firstFailedAt) {

    public Handoff {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(source, "source");
    }
}
