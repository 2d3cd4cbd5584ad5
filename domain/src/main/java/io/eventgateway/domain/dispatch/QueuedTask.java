package io.eventgateway.domain.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored event waiting to be leased, with the deadline that orders it.
 *
 * <p>{@code orderingDeadline} is the event's {@code sloDeadline} for a fresh event and {@code now + SLO} for one
 * returning from a retry topic or offload; the caller decides, and the event keeps its original deadline for SLO
 * accounting. {@code bytes} caches {@link EventRecord#heldBytes()}, which the memory budget counts.
 */
public record QueuedTask(SourcePosition source, EventRecord event, Instant orderingDeadline, long bytes) {

    public QueuedTask {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(orderingDeadline, "orderingDeadline");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
    }

    /** A task ordered by {@code orderingDeadline}, holding the event's estimated heap bytes. */
    public static QueuedTask of(SourcePosition source, EventRecord event, Instant orderingDeadline) {
        return new QueuedTask(source, event, orderingDeadline, event.heldBytes());
    }

    /** A fresh event from a priority lane: ordered by the deadline it was promised at ingest. */
    public static QueuedTask fresh(SourcePosition source, EventRecord event) {
        return of(source, event, event.sloDeadline());
    }

    /** The tenant ({@code company_id}) that fairness rotates over. */
    public String tenant() {
        return event.companyId();
    }

    /**
     * The group key that fairness rotates over within a tenant and that strict ordering serialises; empty for an event
     * without one. Such events share one group per tenant (a group each would cost a key's bookkeeping per event, and
     * fairness is owed to tenants and to their keys, not to single events) and are never serialised.
     */
    public String key() {
        return event.hasGroupKey() ? event.groupKey() : "";
    }

    /** True when the event has a group key, so strict ordering applies to it. */
    public boolean isKeyed() {
        return event.hasGroupKey();
    }

    public Priority priority() {
        return event.priority();
    }

    /** @throws IllegalStateException for an event without a group key, which no ordering applies to */
    public OrderingKey orderingKey() {
        if (!isKeyed()) {
            throw new IllegalStateException("event " + event.eventId() + " has no group key to order by");
        }
        return new OrderingKey(tenant(), key());
    }
}
