package io.eventgateway.bootstrap.http.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code {"events":[{...}]}} into untrusted {@link IngestEvent}s. A body that is not JSON or has no
 * {@code events} array is malformed as a whole; a field of the wrong type or encoding is a violation of that one
 * event, so the other events of the batch are still stored. Unknown fields are ignored.
 */
final class JsonEventsReader {

    private final ObjectMapper json;

    JsonEventsReader(ObjectMapper json) {
        this.json = json;
    }

    List<IngestEvent> read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException("body", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedRequestException("body", "must be a JSON object with an \"events\" array");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw new MalformedRequestException("events", "is required and must be an array");
        }
        List<IngestEvent> result = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            result.add(readEvent(event));
        }
        return result;
    }

    private IngestEvent readEvent(JsonNode node) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!node.isObject()) {
            violations.add(new FieldViolation("event", "must be a JSON object"));
            return new IngestEvent(null, null, null, null, null, null, null, null, null, null, violations);
        }
        return new IngestEvent(
                text(node, "event_id", violations),
                text(node, "company_id", violations),
                text(node, "source_name", violations),
                text(node, "event_type", violations),
                text(node, "group_key", violations),
                payload(node, violations),
                attributes(node, violations),
                text(node, "priority", violations),
                timestamp(node, "slo_deadline", violations),
                timestamp(node, "delay_until", violations),
                violations);
    }

    private static String text(JsonNode node, String field, List<FieldViolation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new FieldViolation(field, "must be a string, was " + value.getNodeType().name().toLowerCase(Locale.ROOT)));
            return null;
        }
        return value.textValue();
    }

    private Payload payload(JsonNode node, List<FieldViolation> violations) {
        JsonNode base64 = node.get("payload");
        JsonNode inline = node.get("payload_json");
        boolean hasBase64 = base64 != null && !base64.isNull();
        boolean hasInline = inline != null && !inline.isMissingNode();
        if (hasBase64 && hasInline) {
            violations.add(new FieldViolation("payload", "and payload_json are mutually exclusive: send one"));
            return null;
        }
        if (hasInline) {
            try {
                return Payload.wrap(json.writeValueAsBytes(inline));
            } catch (JsonProcessingException e) {
                violations.add(new FieldViolation("payload_json", "cannot be serialized: " + e.getOriginalMessage()));
                return null;
            }
        }
        if (!hasBase64) {
            return null;
        }
        if (!base64.isTextual()) {
            violations.add(new FieldViolation("payload", "must be a base64 string"));
            return null;
        }
        try {
            return Payload.wrap(Base64.getDecoder().decode(base64.textValue()));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("payload", "is not valid base64: " + e.getMessage()));
            return null;
        }
    }

    private static Map<String, String> attributes(JsonNode node, List<FieldViolation> violations) {
        JsonNode value = node.get("attributes");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            violations.add(new FieldViolation("attributes", "must be an object of string values"));
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isTextual()) {
                violations.add(new FieldViolation("attributes[" + entry.getKey() + "]", "must be a string"));
            } else {
                attributes.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        return attributes;
    }

    private static Instant timestamp(JsonNode node, String field, List<FieldViolation> violations) {
        String text = text(node, field, violations);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "'" + abbreviate(text)
                    + "' is not an RFC 3339 timestamp (e.g. 2026-11-23T12:00:00Z)"));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
