package io.eventgateway.adapters.kafka.record;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.StoredRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link StoredRecordCodec} over the protobuf message {@code eventgateway.v1.StoredRecord}.
 *
 * <p>What the wire keeps and what it drops, so a round trip is exact for the records the gateway makes:
 * <ul>
 *   <li>Instants travel as epoch <b>milliseconds</b>: sub-millisecond digits are dropped on encode, so
 *       {@code decode(encode(r))} equals {@code r} only when every instant of {@code r} is a whole millisecond.
 *       Milliseconds are what Kafka timestamps and deadlines are measured in anyway.</li>
 *   <li>{@code ingestedAt} and {@code sloDeadline} must lie after the epoch: 0 is the wire's "absent", and a
 *       record without them is corrupt.</li>
 *   <li>{@code delay_until_ms = 0} means "not delayed"; a {@code delayUntil} at or before the epoch delays
 *       nothing and is stored as absent.</li>
 *   <li>{@code groupKey} and {@code lastError}: an empty string and {@code null} both mean absent on the wire
 *       and decode as {@code null}.</li>
 *   <li>Strings must be well-formed Unicode (no unpaired surrogates), as protobuf stores UTF-8.</li>
 * </ul>
 *
 * <p>Hot path: the payload is not copied on encode (the wire message wraps the payload's bytes, which are immutable
 * by {@link Payload}'s contract), and copied exactly once on decode (the parser aliases the input array).
 * Stateless and thread-safe.
 */
public final class ProtobufStoredRecordCodec implements StoredRecordCodec {

    @Override
    public byte[] encode(EventRecord record, Lane lane) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lane, "lane");
        StoredRecord.Builder wire = StoredRecord.newBuilder()
                .setEventId(record.eventId())
                .setCompanyId(record.companyId())
                .setSourceName(record.sourceName())
                .setEventType(record.eventType())
                .putAllAttributes(record.attributes())
                .setPriority(WireEnums.toWire(record.priority()))
                .setIngestedAtMs(requiredMillis(record.ingestedAt(), "ingestedAt"))
                .setSloDeadlineMs(requiredMillis(record.sloDeadline(), "sloDeadline"))
                .setAttempt(record.attempt())
                .setOffloads(record.offloads())
                .setLane(WireEnums.toWire(lane));
        if (record.groupKey() != null) {
            wire.setGroupKey(record.groupKey());
        }
        if (record.payload().size() > 0) {
            // A read-only buffer has no accessible array, so protobuf keeps the buffer itself and
            // copies the bytes once, straight into the output array.
            wire.setPayload(UnsafeByteOperations.unsafeWrap(record.payload().asReadOnlyBuffer()));
        }
        if (record.delayUntil() != null) {
            wire.setDelayUntilMs(Math.max(0, millis(record.delayUntil(), "delayUntil")));
        }
        if (record.lastError() != null) {
            wire.setLastError(record.lastError());
        }
        return wire.build().toByteArray();
    }

    @Override
    public DecodedRecord decode(byte[] bytes) {
        if (bytes == null) {
            throw new CorruptRecordException("a stored record cannot be null bytes", null);
        }
        StoredRecord wire = parse(bytes);
        List<String> problems = new ArrayList<>();
        requireText(wire.getEventId(), "event_id", problems);
        requireText(wire.getCompanyId(), "company_id", problems);
        requireText(wire.getSourceName(), "source_name", problems);
        requireText(wire.getEventType(), "event_type", problems);
        Optional<Priority> priority = WireEnums.fromWire(wire.getPriority());
        if (priority.isEmpty()) {
            problems.add(missingOrUnknown("priority", wire.getPriorityValue()));
        }
        Optional<Lane> lane = WireEnums.fromWire(wire.getLane());
        if (lane.isEmpty()) {
            problems.add(missingOrUnknown("lane", wire.getLaneValue()));
        }
        requirePositiveMillis(wire.getIngestedAtMs(), "ingested_at_ms", problems);
        requirePositiveMillis(wire.getSloDeadlineMs(), "slo_deadline_ms", problems);
        requireNotNegative(wire.getDelayUntilMs(), "delay_until_ms", problems);
        requireNotNegative(wire.getAttempt(), "attempt", problems);
        requireNotNegative(wire.getOffloads(), "offloads", problems);
        if (!problems.isEmpty()) {
            throw new CorruptRecordException(describe(wire) + " is corrupt: " + String.join("; ", problems), null);
        }
        EventRecord record = new EventRecord(
                wire.getEventId(),
                wire.getCompanyId(),
                wire.getSourceName(),
                wire.getEventType(),
                emptyToNull(wire.getGroupKey()),
                payload(wire.getPayload()),
                wire.getAttributesMap(),
                priority.get(),
                Instant.ofEpochMilli(wire.getIngestedAtMs()),
                Instant.ofEpochMilli(wire.getSloDeadlineMs()),
                wire.getAttempt(),
                wire.getOffloads(),
                wire.getDelayUntilMs() == 0 ? null : Instant.ofEpochMilli(wire.getDelayUntilMs()),
                emptyToNull(wire.getLastError()));
        return new DecodedRecord(record, lane.get());
    }

    private static StoredRecord parse(byte[] bytes) {
        CodedInputStream input = CodedInputStream.newInstance(bytes);
        // The payload ByteString then points into the input array, and payload() copies it out once.
        input.enableAliasing(true);
        try {
            StoredRecord wire = StoredRecord.parseFrom(input);
            // parseFrom stops at an end-group tag too; a stored record must be the whole input.
            input.checkLastTagWas(0);
            return wire;
        } catch (IOException e) {
            // InvalidProtocolBufferException in practice: reading a byte array does no real I/O.
            throw new CorruptRecordException(
                    "not a stored record (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static Payload payload(ByteString bytes) {
        return bytes.isEmpty() ? Payload.empty() : Payload.wrap(bytes.toByteArray());
    }

    private static long requiredMillis(Instant instant, String field) {
        long millis = millis(instant, field);
        if (millis <= 0) {
            throw new IllegalArgumentException(field + " must be after 1970-01-01T00:00:00Z to be stored "
                    + "(epoch millisecond 0 means absent on the wire), was " + instant);
        }
        return millis;
    }

    private static long millis(Instant instant, String field) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " is out of the epoch-millisecond range: " + instant, e);
        }
    }

    private static void requireText(String value, String field, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(field + " is missing");
        }
    }

    private static void requirePositiveMillis(long value, String field, List<String> problems) {
        if (value == 0) {
            problems.add(field + " is missing");
        } else if (value < 0) {
            problems.add(field + " must be after the epoch, was " + value);
        }
    }

    private static void requireNotNegative(long value, String field, List<String> problems) {
        if (value < 0) {
            problems.add(field + " must be >= 0, was " + value);
        }
    }

    private static String missingOrUnknown(String field, int number) {
        return number == 0 ? field + " is missing" : field + " has the unknown value " + number;
    }

    private static String describe(StoredRecord wire) {
        return wire.getEventId().isEmpty() ? "stored record" : "stored record of event '" + wire.getEventId() + "'";
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
