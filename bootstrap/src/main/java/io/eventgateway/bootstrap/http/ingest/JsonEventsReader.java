package io.eventgateway.bootstrap.http.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
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

    /** The body is checked for UTF-8 in chunks, so a large body does not need a second copy as text. */
    private static final int DECODE_CHUNK_CHARS = 8192;

    private final ObjectMapper json;

    JsonEventsReader(ObjectMapper json) {
        this.json = json;
    }

    List<IngestEvent> read(byte[] body) {
        int firstBadByte = firstInvalidUtf8Byte(body);
        if (firstBadByte >= 0) {
            throw new MalformedRequestException(fieldAt(body, firstBadByte),
                    "is not valid UTF-8 (first bad byte at offset " + firstBadByte + " of the body)");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (StreamReadException e) {
            String field = e.getProcessor() == null ? "body" : fieldPath(e.getProcessor().getParsingContext());
            throw new MalformedRequestException(field, "is not valid JSON: " + e.getOriginalMessage());
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

    /**
     * The field holding the byte at {@code offset}: the one the parser was reading when it got there or stopped.
     * Only called for a body already known to be unreadable, so its cost does not matter.
     */
    private String fieldAt(byte[] body, int offset) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            String field = "body";
            while (parser.nextToken() != null && parser.currentTokenLocation().getByteOffset() <= offset) {
                field = fieldPath(parser.getParsingContext());
            }
            return field;
        } catch (StreamReadException e) {
            return e.getProcessor() == null ? "body" : fieldPath(e.getProcessor().getParsingContext());
        } catch (IOException e) {
            return "body";
        }
    }

    /** {@code events[1].attributes[region]}; {@code body} when the parser was not inside any field. */
    private static String fieldPath(JsonStreamContext leaf) {
        Deque<JsonStreamContext> fromRoot = new ArrayDeque<>();
        for (JsonStreamContext context = leaf; context != null && !context.inRoot(); context = context.getParent()) {
            fromRoot.push(context);
        }
        StringBuilder path = new StringBuilder();
        String previousName = null;
        for (JsonStreamContext context : fromRoot) {
            if (context.inArray()) {
                path.append('[').append(context.getCurrentIndex()).append(']');
                continue;
            }
            String name = context.getCurrentName();
            if (name == null) {
                break;
            }
            if ("attributes".equals(previousName)) {
                path.append('[').append(abbreviate(name)).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(abbreviate(name));
            }
            previousName = name;
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /**
     * The offset of the first byte that is not part of valid UTF-8, or -1 when the body is valid. Checked before
     * parsing because Jackson is lenient: it decodes overlong forms ({@code C0 AF} as {@code /}) and encoded
     * surrogates, which the JDK's decoder (like protobuf's) refuses.
     */
    private static int firstInvalidUtf8Byte(byte[] body) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer chunk = CharBuffer.allocate(DECODE_CHUNK_CHARS);
        CoderResult result = strict.decode(in, chunk, true);
        while (result.isOverflow()) {
            chunk.clear();
            result = strict.decode(in, chunk, true);
        }
        return result.isError() ? in.position() : -1;
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
