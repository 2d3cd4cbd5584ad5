package io.eventgateway.domain.ingest;

import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import java.time.Instant;
import java.util.Map;

/**
 * An event that passed the shape checks of {@link EventValidator}: required fields present, sizes within limits,
 * the priority known. {@code eventId} may still be {@code null} (the service generates one); {@code
 * requestedPriority}, {@code requestedDeadline}, {@code groupKey} and {@code delayUntil} are {@code null} when absent.
 */
public record ValidatedEvent(
        String eventId,
        String companyId,
        String sourceName,
        String eventType,
        String groupKey,
        Payload payload,
        Map<String, String> attributes,
        Priority requestedPriority,
        Instant requestedDeadline,
        Instant delayUntil) {

    public ValidatedEvent {
        attributes = Map.copyOf(attributes);
    }

    public ValidatedEvent withEventId(String newEventId) {
        return new ValidatedEvent(newEventId, companyId, sourceName, eventType, groupKey, payload, attributes,
                requestedPriority, requestedDeadline, delayUntil);
    }
}
