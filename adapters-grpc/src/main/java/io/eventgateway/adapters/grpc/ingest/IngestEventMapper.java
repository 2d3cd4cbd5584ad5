package io.eventgateway.adapters.grpc.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.wire.WireAttribute;
import io.eventgateway.protocol.v1.wire.WireEvent;
import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns received events into untrusted {@link IngestEvent}s without judging them: whether the content is acceptable
 * is the validator's call. What cannot even be decoded (a string field that is not UTF-8, a timestamp outside the
 * proto's range) travels along as a decoding violation, so the producer hears about it per event like any other
 * invalid field.
 */
final class IngestEventMapper {

    /** The range {@code google/protobuf/timestamp.proto} allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;
    private static final int MAX_TIMESTAMP_NANOS = 999_999_999;

    private IngestEventMapper() {
    }

    /** The command for one request; its wire size is what the in-flight limit counts. */
    static PublishEventsCommand toCommand(WirePublishEventsRequest request) {
        List<IngestEvent> events = new ArrayList<>(request.getEventsCount());
        for (WireEvent event : request.getEventsList()) {
            events.add(toIngestEvent(event));
        }
        return new PublishEventsCommand(events, request.getSerializedSize());
    }

    /**
     * Proto3 cannot tell an absent string from an empty one, so every empty string becomes {@code null} (absent);
     * the validator then decides whether the field was required.
     */
    static IngestEvent toIngestEvent(WireEvent event) {
        List<FieldViolation> violations = new ArrayList<>(0);
        String eventId = text(event.getEventId(), "event_id", violations);
        String companyId = text(event.getCompanyId(), "company_id", violations);
        String sourceName = text(event.getSourceName(), "source_name", violations);
        String eventType = text(event.getEventType(), "event_type", violations);
        String groupKey = text(event.getGroupKey(), "group_key", violations);
        Map<String, String> attributes = attributes(event.getAttributesList(), violations);
        Instant sloDeadline = event.hasSloDeadline()
                ? toInstant(event.getSloDeadline(), "slo_deadline", violations) : null;
        Instant delayUntil = event.hasDelayUntil()
                ? toInstant(event.getDelayUntil(), "delay_until", violations) : null;
        return new IngestEvent(eventId, companyId, sourceName, eventType, groupKey,
                Payload.wrap(event.getPayload().toByteArray()),
                attributes,
                priorityName(event.getPriorityValue()),
                sloDeadline,
                delayUntil,
                violations);
    }

    private static String text(ByteString bytes, String field, List<FieldViolation> violations) {
        Utf8Text.invalidity(bytes).ifPresent(reason -> violations.add(new FieldViolation(field, reason)));
        return Utf8Text.decode(bytes);
    }

    /** As a proto map would: a later entry with the same key wins, and a missing key or value is empty. */
    private static Map<String, String> attributes(List<WireAttribute> entries, List<FieldViolation> violations) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (WireAttribute entry : entries) {
            String key = entry.getKey().toStringUtf8();
            String field = "attributes[" + key + "]";
            Utf8Text.invalidity(entry.getKey())
                    .ifPresent(reason -> violations.add(new FieldViolation(field, "key " + reason)));
            Utf8Text.invalidity(entry.getValue())
                    .ifPresent(reason -> violations.add(new FieldViolation(field, "value " + reason)));
            attributes.put(key, entry.getValue().toStringUtf8());
        }
        return attributes;
    }

    /**
     * The requested priority's name, or {@code null} when unspecified. A number this build does not know keeps a
     * name ({@code UNRECOGNIZED(15)}) rather than being dropped, so the validator rejects it naming the field
     * instead of the classifier silently choosing a priority.
     */
    private static String priorityName(int number) {
        if (number == Priority.PRIORITY_UNSPECIFIED_VALUE) {
            return null;
        }
        Priority known = Priority.forNumber(number);
        return known == null ? "UNRECOGNIZED(" + number + ")" : known.name();
    }

    /** The instant, or {@code null} with a violation when seconds or nanos lie outside the Timestamp range. */
    private static Instant toInstant(Timestamp timestamp, String field, List<FieldViolation> violations) {
        long seconds = timestamp.getSeconds();
        int nanos = timestamp.getNanos();
        boolean valid = true;
        if (seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS) {
            violations.add(new FieldViolation(field, "has seconds " + seconds
                    + ", outside the Timestamp range [" + MIN_TIMESTAMP_SECONDS + ", " + MAX_TIMESTAMP_SECONDS
                    + "] (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)"));
            valid = false;
        }
        if (nanos < 0 || nanos > MAX_TIMESTAMP_NANOS) {
            violations.add(new FieldViolation(field, "has nanos " + nanos
                    + ", outside the Timestamp range [0, " + MAX_TIMESTAMP_NANOS + "]"));
            valid = false;
        }
        return valid ? Instant.ofEpochSecond(seconds, nanos) : null;
    }
}
