package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for the protobuf StoredRecord codec (this module must not depend on it): every field of the record
 * behind a magic number, so garbage is rejected the way the real codec rejects it.
 */
final class FieldByFieldCodec implements StoredRecordCodec {

    private static final int MAGIC = 0x45475231;

    @Override
    public byte[] encode(EventRecord record, Lane lane) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(lane.ordinal());
            out.writeUTF(record.eventId());
            out.writeUTF(record.companyId());
            out.writeUTF(record.sourceName());
            out.writeUTF(record.eventType());
            writeNullable(out, record.groupKey());
            byte[] payload = record.payload().toByteArray();
            out.writeInt(payload.length);
            out.write(payload);
            out.writeInt(record.attributes().size());
            for (Map.Entry<String, String> attribute : record.attributes().entrySet()) {
                out.writeUTF(attribute.getKey());
                out.writeUTF(attribute.getValue());
            }
            out.writeByte(record.priority().ordinal());
            writeInstant(out, record.ingestedAt());
            writeInstant(out, record.sloDeadline());
            out.writeInt(record.attempt());
            out.writeInt(record.offloads());
            out.writeBoolean(record.delayUntil() != null);
            if (record.delayUntil() != null) {
                writeInstant(out, record.delayUntil());
            }
            writeNullable(out, record.lastError());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public DecodedRecord decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new CorruptRecordException("not a test record: bad magic", null);
            }
            Lane lane = Lane.values()[in.readByte()];
            String eventId = in.readUTF();
            String companyId = in.readUTF();
            String sourceName = in.readUTF();
            String eventType = in.readUTF();
            String groupKey = readNullable(in);
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            int attributeCount = in.readInt();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < attributeCount; i++) {
                attributes.put(in.readUTF(), in.readUTF());
            }
            Priority priority = Priority.values()[in.readByte()];
            Instant ingestedAt = readInstant(in);
            Instant sloDeadline = readInstant(in);
            int attempt = in.readInt();
            int offloads = in.readInt();
            Instant delayUntil = in.readBoolean() ? readInstant(in) : null;
            String lastError = readNullable(in);
            if (in.available() > 0) {
                throw new CorruptRecordException("not a test record: " + in.available() + " trailing bytes", null);
            }
            return new DecodedRecord(new EventRecord(eventId, companyId, sourceName, eventType, groupKey,
                    Payload.wrap(payload), attributes, priority, ingestedAt, sloDeadline, attempt, offloads,
                    delayUntil, lastError), lane);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptRecordException corrupt) {
                throw corrupt;
            }
            throw new CorruptRecordException("not a test record: " + e, e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
