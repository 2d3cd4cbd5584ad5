package io.eventgateway.adapters.kafka.publish;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Events for writer tests; instants are whole milliseconds, the stored format's precision. */
final class TestEvents {

    static final Instant INGESTED_AT = Instant.parse("2026-11-22T10:00:00.123Z");

    private TestEvents() {
    }

    static EventRecord event(String eventId, String groupKey, Priority priority) {
        return new EventRecord(eventId, "acme", "checkout", "order.created", groupKey,
                Payload.wrap(("{\"id\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8)),
                Map.of("region", "eu"), priority, INGESTED_AT, INGESTED_AT.plus(Duration.ofMinutes(1)), 0, 0,
                null, null);
    }

    static EventRecord event(String eventId) {
        return event(eventId, null, Priority.P20);
    }
}
