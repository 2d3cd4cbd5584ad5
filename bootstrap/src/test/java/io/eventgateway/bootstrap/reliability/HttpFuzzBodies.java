package io.eventgateway.bootstrap.reliability;

import io.eventgateway.bootstrap.publisher.TestEvents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random and adversarial {@code POST /v1/events} bodies: random bytes, JSON-like noise, batches with one event
 * field given a wrong type, a huge or control-character string, invalid UTF-8 or an absurd timestamp, deep nesting,
 * empty batches and duplicate ids.
 */
final class HttpFuzzBodies {

    /** Stands for invalid UTF-8 until the body is serialized; then its bytes are replaced. */
    private static final String BAD_UTF8_MARKER = "@@not-utf-8@@";
    private static final byte[][] INVALID_UTF8 = {
            {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88,
            (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF}};
    private static final List<String> FIELDS = List.of("event_id", "company_id", "source_name", "event_type",
            "group_key", "priority", "payload", "payload_json", "attributes", "slo_deadline", "delay_until",
            "unknown_field");
    private static final List<String> TEXT_FIELDS = List.of("event_id", "company_id", "source_name", "event_type",
            "group_key");
    private static final List<String> ABSURD_TIMESTAMPS = List.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
            "+1000000000-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "2026-11-23T12:00:00", "1e300", "");

    private HttpFuzzBodies() {
    }

    /**
     * A body as sent, with what the gateway must say about it.
     *
     * @param events the number of events when the body is a well-formed {@code {"events":[...]}}, else -1
     * @param field  the field a refusal must name when the mutation is always invalid, else {@code null}
     */
    record FuzzBody(String name, byte[] bytes, int events, String field) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    static Arbitrary<FuzzBody> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, randomBytes()),
                Tuple.of(1, jsonNoise()),
                Tuple.of(6, mutatedBatches()),
                Tuple.of(1, invalidUtf8InATextField()),
                Tuple.of(1, deepNesting()),
                Tuple.of(1, duplicateIds()),
                Tuple.of(1, Arbitraries.of(
                        new FuzzBody("empty batch", utf8("{\"events\":[]}"), 0, null),
                        new FuzzBody("empty body", new byte[0], -1, null),
                        new FuzzBody("null", utf8("null"), -1, null),
                        new FuzzBody("events null", utf8("{\"events\":null}"), -1, null))));
    }

    private static Arbitrary<FuzzBody> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000)
                .map(bytes -> new FuzzBody("random bytes", bytes, -1, null));
    }

    private static Arbitrary<FuzzBody> jsonNoise() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtruefalsn \\u").ofMaxLength(300)
                .map(text -> new FuzzBody("json noise " + abbreviate(text), utf8(text), -1, null));
    }

    /** One to five valid events, one of which has one field set to an adversarial value. */
    private static Arbitrary<FuzzBody> mutatedBatches() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 4),
                Arbitraries.of(FIELDS), adversarialValues())
                .as((size, position, field, value) -> {
                    int mutated = Math.min(position, size - 1);
                    List<Object> events = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        Map<String, Object> event = TestEvents.json(null);
                        if (i == mutated) {
                            event.put(field, value);
                        }
                        events.add(event);
                    }
                    return new FuzzBody("events[" + mutated + "]." + field + " = " + abbreviate(String.valueOf(value)),
                            utf8(TestEvents.body(events)), size, null);
                });
    }

    private static Arbitrary<Object> adversarialValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(42, -1, Long.MAX_VALUE, -1.5e300, true, false, List.of(), List.of(1, "a"),
                        Map.of("nested", Map.of()), "", "   ", "P99", "p30", "\u0000", "line\nbreak", "\u202Eevil",
                        "\uD83D\uDE00 emoji", "\uFFFF"),
                Arbitraries.of(ABSURD_TIMESTAMPS).map(Object.class::cast),
                Arbitraries.of(1, 257, 5_000, 300_000).map(length -> (Object) "x".repeat(length)),
                Arbitraries.strings().all().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(20), Arbitraries.strings().ofMaxLength(20))
                        .ofMaxSize(80).map(Object.class::cast));
    }

    /** Invalid UTF-8 in a text field: always refused, naming that field of that event. */
    private static Arbitrary<FuzzBody> invalidUtf8InATextField() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(TEXT_FIELDS),
                Arbitraries.integers().between(0, INVALID_UTF8.length - 1))
                .as((size, field, sequence) -> {
                    List<Object> events = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        events.add(TestEvents.json(null));
                    }
                    int last = size - 1;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> bad = (Map<String, Object>) events.get(last);
                    bad.put(field, "ab" + BAD_UTF8_MARKER + "cd");
                    return new FuzzBody("invalid UTF-8 in events[" + last + "]." + field,
                            withInvalidUtf8(TestEvents.body(events), sequence), size,
                            "events[" + last + "]." + field);
                });
    }

    private static Arbitrary<FuzzBody> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(1, 5_000), Arbitraries.of(true, false))
                .as((depth, inPayload) -> {
                    String nested = "[".repeat(depth) + "]".repeat(depth);
                    if (!inPayload) {
                        return new FuzzBody("events nested " + depth + " deep",
                                utf8("{\"events\":" + nested + "}"), -1, null);
                    }
                    Map<String, Object> event = new LinkedHashMap<>(TestEvents.json(null));
                    event.put("payload_json", BAD_UTF8_MARKER);
                    String body = TestEvents.body(List.of(event)).replace("\"" + BAD_UTF8_MARKER + "\"", nested);
                    return new FuzzBody("payload_json nested " + depth + " deep", utf8(body), -1, null);
                });
    }

    private static Arbitrary<FuzzBody> duplicateIds() {
        return Arbitraries.integers().between(2, 20).map(copies -> {
            String id = UUID.randomUUID().toString();
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Map<String, Object> event = TestEvents.json(null);
                event.put("event_id", id);
                events.add(event);
            }
            return new FuzzBody(copies + " events with one id", utf8(TestEvents.body(events)), copies, null);
        });
    }

    static String validBody() {
        return TestEvents.body(List.of(TestEvents.json(null)));
    }

    private static byte[] withInvalidUtf8(String json, int sequence) {
        byte[] bytes = utf8(json);
        byte[] marker = utf8(BAD_UTF8_MARKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            if (i + marker.length <= bytes.length
                    && Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                out.writeBytes(INVALID_UTF8[sequence]);
                i += marker.length;
            } else {
                out.write(bytes[i++]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
