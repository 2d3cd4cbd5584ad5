package io.eventgateway.sdk.processor.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes the request body {@link HttpForwardingHandler} documents. */
final class EventBatchJson {

    /** The attribute whose value says how to read the payload; the stored record has no content type of its own. */
    static final String CONTENT_TYPE_ATTRIBUTE = "content-type";

    private static final JsonFactory FACTORY = new JsonFactory();

    private EventBatchJson() {
    }

    static byte[] write(List<ProcessorEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            for (ProcessorEvent event : events) {
                writeEvent(json, event);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; only a generator bug could get here.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeEvent(JsonGenerator json, ProcessorEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_id", event.eventId());
        json.writeStringField("company_id", event.companyId());
        json.writeStringField("source_name", event.source());
        json.writeStringField("event_type", event.type());
        json.writeStringField("group_key", event.groupKey());
        json.writeStringField("priority", event.priority().name());
        json.writeNumberField("attempt", event.attempt());
        json.writeNumberField("delivery", event.delivery());
        json.writeStringField("ingested_at", event.ingestedAt().toString());
        json.writeStringField("slo_deadline", event.sloDeadline().toString());
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : new TreeMap<>(event.attributes()).entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        byte[] payload = event.payload();
        String text = isTextual(event.attributes()) ? strictUtf8(payload) : null;
        json.writeStringField("payload_encoding", text != null ? "text" : "base64");
        json.writeStringField("payload", text != null ? text : Base64.getEncoder().encodeToString(payload));
        json.writeEndObject();
    }

    private static boolean isTextual(Map<String, String> attributes) {
        String contentType = attributes.entrySet().stream()
                .filter(attribute -> attribute.getKey().equalsIgnoreCase(CONTENT_TYPE_ATTRIBUTE))
                .map(attribute -> attribute.getValue().toLowerCase(Locale.ROOT).trim())
                .findFirst().orElse("");
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.startsWith("text/") || mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** @return the text, or {@code null} when the bytes are not valid UTF-8 (they then go as base64, unaltered) */
    private static String strictUtf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
