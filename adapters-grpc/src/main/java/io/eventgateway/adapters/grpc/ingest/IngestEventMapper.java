package io.eventgateway.adapters.grpc.ingest;

import com.google.protobuf.Timestamp;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns proto events into untrusted {@link IngestEvent}s without judging them: whether the content is acceptable is
 * the validator's call. What cannot even be decoded (a timestamp outside the proto's range) travels along as a
 * decoding violation, so the producer hears about it per event like any other invalid field.
 */
final class IngestEventMapper {

    /** The range {@code google/protobuf/timestamp.proto} allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;
    private static final int MAX_TIMESTAMP_NANOS = 999_999_999;

    private IngestEventMapper() {
    }

    /** The command for one request; its wire size is what the in-flight limit counts. */
    static PublishEventsCommand toCommand(PublishEventsRequest request) {
        List<IngestEvent> events = new ArrayList<>(request.getEventsCount());
        for (Event event : request.getEventsList()) {
            events.add(toIngestEvent(event));
        }
        return new PublishEventsCommand(events, request.getSerializedSize());
    }

    /**
     * Proto3 cannot tell an absent string from an empty one, so every empty string becomes {@code null} (absent);
     * the validator then decides whether the field was required.
     */
    static IngestEvent toIngestEvent(Event event) {
        List<FieldViolation> violations = new ArrayList<>(0);
        Instant sloDeadline = event.hasSloDeadline()
                ? toInstant(event.getSloDeadline(), "slo_deadline", violations) : null;
        Instant delayUntil = event.hasDelayUntil()
                ? toInstant(event.getDelayUntil(), "delay_until", violations) : null;
        return new IngestEvent(
                emptyToNull(event.getEventId()),
                emptyToNull(event.getCompanyId()),
                emptyToNull(event.getSourceName()),
                emptyToNull(event.getEventType()),
                emptyToNull(event.getGroupKey()),
                Payload.wrap(event.getPayload().toByteArray()),
                event.getAttributesMap(),
                priorityName(event.getPriorityValue()),
                sloDeadline,
                delayUntil,
                violations);
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

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
