package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import java.util.HashMap;
import java.util.Map;

/**
 * The form in which the orchestrator keeps a polled event while it is buffered: without its payload (processors get
 * the polled bytes, so memory holds the payload once) and with its tenant, source and type shared with the other
 * events that carry the same ones. Those three repeat across millions of events; decoded one by one they cost about
 * 130 bytes per buffered event.
 *
 * <p>The shared strings are bounded by {@code maxStrings}; past it the table starts over, which costs sharing, never
 * correctness. Not thread-safe: the dispatch service calls it under its lock.
 */
public final class CompactEvents {

    /**
     * Heap per buffered event outside the event record itself: its queue node, queued task, source position, the
     * entries of the queue's and the held records' indexes, and the held record. 234 bytes measured with JOL on this
     * JVM (compressed oops; {@code HeldBytesPerEvent} in benchmarks/hot-paths); the budget must not count less than the
     * heap really holds, or a full budget would be a larger heap than configured.
     */
    static final int STRUCTURE_BYTES_PER_EVENT = 240;

    private final int maxStrings;
    private final Map<String, String> strings = new HashMap<>();

    public CompactEvents(int maxStrings) {
        if (maxStrings < 1) {
            throw new IllegalArgumentException("maxStrings must be >= 1, was " + maxStrings);
        }
        this.maxStrings = maxStrings;
    }

    public EventRecord compact(EventRecord event) {
        return new EventRecord(event.eventId(), shared(event.companyId()), shared(event.sourceName()),
                shared(event.eventType()), event.groupKey(), Payload.empty(), event.attributes(), event.priority(),
                event.ingestedAt(), event.sloDeadline(), event.attempt(), event.offloads(), event.delayUntil(),
                event.lastError());
    }

    /** What the memory budget counts for one buffered event: the polled bytes, the compact record, the structures. */
    public static long heldBytes(int polledBytes, EventRecord compact) {
        return polledBytes + compact.heldBytes() + STRUCTURE_BYTES_PER_EVENT;
    }

    private String shared(String value) {
        String known = strings.get(value);
        if (known != null) {
            return known;
        }
        if (strings.size() >= maxStrings) {
            strings.clear();
        }
        strings.put(value, value);
        return value;
    }
}
