package io.eventgateway.domain.event;

import io.eventgateway.domain.priority.Priority;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored event, as it travels through lane, retry, offload and DLQ topics. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * <p>{@code sloDeadline} is the deadline the event was promised at ingest; it is kept for SLO accounting even
 * when a retry or offload re-orders the event by a later, fresh deadline. {@code groupKey}, {@code delayUntil}
 * and {@code lastError} are {@code null} when absent.
 *
 * @param attempt   deliveries that ended without an ACK so far (0 for a fresh event)
 * @param offloads  how many times the event was shed to the offload lane
 */
public record EventRecord(
        String eventId,
        String companyId,
        String sourceName,
        String eventType,
        String groupKey,
        Payload payload,
        Map<String, String> attributes,
        Priority priority,
        Instant ingestedAt,
        Instant sloDeadline,
        int attempt,
        int offloads,
        Instant delayUntil,
        String lastError) {

    /** Estimated JVM bytes of one record beyond its payload and strings: object headers, fields, the map. */
    static final int FIXED_OVERHEAD_BYTES = 160;

    public EventRecord {
        requireText(eventId, "eventId");
        requireText(companyId, "companyId");
        requireText(sourceName, "sourceName");
        requireText(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(sloDeadline, "sloDeadline");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, was " + attempt);
        }
        if (offloads < 0) {
            throw new IllegalArgumentException("offloads must be >= 0, was " + offloads);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    public boolean hasGroupKey() {
        return groupKey != null && !groupKey.isEmpty();
    }

    /** The key that picks the partition and, under strict ordering, serialises work: group key, else id. */
    public String partitionKey() {
        return hasGroupKey() ? groupKey : eventId;
    }

    public EventRecord withAttempt(int newAttempt) {
        return new EventRecord(eventId, companyId, sourceName, eventType, groupKey, payload, attributes, priority,
                ingestedAt, sloDeadline, newAttempt, offloads, delayUntil, lastError);
    }

    public EventRecord withOffloads(int newOffloads) {
        return new EventRecord(eventId, companyId, sourceName, eventType, groupKey, payload, attributes, priority,
                ingestedAt, sloDeadline, attempt, newOffloads, delayUntil, lastError);
    }

    public EventRecord withDelayUntil(Instant newDelayUntil) {
        return new EventRecord(eventId, companyId, sourceName, eventType, groupKey, payload, attributes, priority,
                ingestedAt, sloDeadline, attempt, offloads, newDelayUntil, lastError);
    }

    public EventRecord withLastError(String newLastError) {
        return new EventRecord(eventId, companyId, sourceName, eventType, groupKey, payload, attributes, priority,
                ingestedAt, sloDeadline, attempt, offloads, delayUntil, newLastError);
    }

    public EventRecord withPriority(Priority newPriority) {
        return new EventRecord(eventId, companyId, sourceName, eventType, groupKey, payload, attributes, newPriority,
                ingestedAt, sloDeadline, attempt, offloads, delayUntil, lastError);
    }

    /**
     * Bytes this record holds on the heap, estimated: payload, strings at two bytes a char (the worst case of
     * compact strings), attributes, and a fixed overhead. Memory budgets count this, not record counts.
     */
    public long heldBytes() {
        long chars = eventId.length() + companyId.length() + sourceName.length() + eventType.length()
                + (groupKey == null ? 0 : groupKey.length()) + (lastError == null ? 0 : lastError.length());
        long attributeBytes = 0;
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            attributeBytes += 2L * (entry.getKey().length() + entry.getValue().length()) + 64;
        }
        return FIXED_OVERHEAD_BYTES + payload.size() + 2 * chars + attributeBytes;
    }
}
