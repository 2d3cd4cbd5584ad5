package io.eventgateway.bootstrap.publisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.Priority;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid events for both transports, each with a fresh id; tests change one field to make them invalid. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** A valid HTTP event of {@code company}, with an inline JSON payload; {@code priority} may be null. */
    public static Map<String, Object> json(String company, String priority) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("company_id", company);
        event.put("source_name", "checkout");
        event.put("event_type", "order.created");
        if (priority != null) {
            event.put("priority", priority);
        }
        event.put("payload_json", Map.of("order", 42));
        return event;
    }

    public static Map<String, Object> json(String priority) {
        return json("acme", priority);
    }

    /** {@code {"events":[...]}}. */
    public static String body(List<?> events) {
        try {
            return JSON.writeValueAsString(Map.of("events", events));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A valid gRPC event of {@code company}; {@code priority} may be {@code PRIORITY_UNSPECIFIED}. */
    public static Event.Builder proto(String company, Priority priority) {
        return Event.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCompanyId(company)
                .setSourceName("checkout")
                .setEventType("order.created")
                .setPriority(priority)
                .setPayload(ByteString.copyFrom("{\"order\":42}", StandardCharsets.UTF_8));
    }

    public static Event.Builder proto(Priority priority) {
        return proto("acme", priority);
    }
}
