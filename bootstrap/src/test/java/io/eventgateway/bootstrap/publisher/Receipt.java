package io.eventgateway.bootstrap.publisher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One event's answer, the same whether it came over HTTP or gRPC, so tests check receipts of both transports alike.
 * Absent values are {@code null}; {@code storedIn} is {@code primary}, {@code alternate} or {@code s3}.
 */
public record Receipt(String eventId, String status, String priority, String lane, String storedIn, String location,
        String errorField, String errorReason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isStored() {
        return "STORED".equals(status);
    }

    /** The receipts of a {@code 200} answer of {@code POST /v1/events}. */
    public static List<Receipt> fromHttp(String body) {
        JsonNode results;
        try {
            results = JSON.readTree(body).get("results");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON answer: " + body, e);
        }
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("no results array in " + body);
        }
        List<Receipt> receipts = new ArrayList<>();
        for (JsonNode result : results) {
            JsonNode error = result.get("error");
            receipts.add(new Receipt(text(result, "event_id"), text(result, "status"), text(result, "priority"),
                    text(result, "lane"), text(result, "stored_in"), text(result, "location"),
                    error == null ? null : text(error, "field"), error == null ? null : text(error, "reason")));
        }
        return receipts;
    }

    public static List<Receipt> fromGrpc(PublishEventsResponse response) {
        return response.getResultsList().stream().map(Receipt::fromGrpc).toList();
    }

    private static Receipt fromGrpc(EventResult result) {
        return new Receipt(emptyToNull(result.getEventId()), result.getStatus().name(),
                result.getPriorityValue() == 0 ? null : result.getPriority().name(), emptyToNull(result.getLane()),
                result.getStoredIn() == EventResult.StoredIn.STORED_IN_UNSPECIFIED ? null
                        : result.getStoredIn().name().toLowerCase(Locale.ROOT),
                emptyToNull(result.getLocation()),
                result.hasError() ? emptyToNull(result.getError().getField()) : null,
                result.hasError() ? emptyToNull(result.getError().getReason()) : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
