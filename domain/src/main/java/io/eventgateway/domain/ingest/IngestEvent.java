package io.eventgateway.domain.ingest;

import io.eventgateway.domain.event.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event as a producer sent it: untrusted, every field possibly absent ({@code null}). Transport adapters fill
 * it without judging; what they could not even decode (bad base64, a timestamp out of range, invalid UTF-8) they
 * report as {@code decodingViolations}, so every problem reaches the producer the same way.
 *
 * @param priority the requested priority's name as sent ({@code "P10"}), {@code null} or empty when absent
 */
public record IngestEvent(
        String eventId,
        String companyId,
        String sourceName,
        String eventType,
        String groupKey,
        Payload payload,
        Map<String, String> attributes,
        String priority,
        Instant sloDeadline,
        Instant delayUntil,
        List<FieldViolation> decodingViolations) {

    public IngestEvent {
        payload = payload == null ? Payload.empty() : payload;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        decodingViolations = decodingViolations == null ? List.of() : List.copyOf(decodingViolations);
    }
}
