package io.eventgateway.bootstrap.http.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.domain.ingest.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of receipts: {@code {"event_id","status","priority","lane","stored_in","location","error"}}, with
 * {@code errors} listing every violation when there is more than one. Absent values are omitted.
 */
final class ReceiptJson {

    private ReceiptJson() {
    }

    static Results results(List<EventReceipt> receipts) {
        return new Results(receipts.stream().map(ReceiptJson::result).toList());
    }

    /**
     * {@code {"results":[...]}}, written even when empty (an empty batch): Micronaut's JSON default leaves empty
     * values out, which would answer {@code {}} and break a client expecting one result per event.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Results(List<Map<String, Object>> results) {
    }

    static Map<String, Object> errors(String field, String reason) {
        return Map.of("errors", List.of(error(field, reason)));
    }

    private static Map<String, Object> result(EventReceipt receipt) {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfPresent(json, "event_id", receipt.eventId());
        if (receipt instanceof EventReceipt.Stored stored) {
            json.put("status", "STORED");
            json.put("priority", stored.priority().name());
            json.put("lane", stored.lane().shortName());
            json.put("stored_in", stored.location().kind().tag());
            json.put("location", stored.location().describe());
        } else if (receipt instanceof EventReceipt.Rejected rejected) {
            json.put("status", "REJECTED");
            FieldViolation first = rejected.violations().get(0);
            json.put("error", error(first.field(), first.reason()));
            if (rejected.violations().size() > 1) {
                json.put("errors", rejected.violations().stream().map(v -> error(v.field(), v.reason())).toList());
            }
        } else {
            EventReceipt.Unavailable unavailable = (EventReceipt.Unavailable) receipt;
            json.put("status", "UNAVAILABLE");
            json.put("priority", unavailable.priority().name());
            json.put("lane", unavailable.lane().shortName());
            json.put("error", error("event", unavailable.reason()));
        }
        return json;
    }

    private static Map<String, Object> error(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
