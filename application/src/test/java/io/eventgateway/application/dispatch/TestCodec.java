package io.eventgateway.application.dispatch;

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
import java.util.Map;

/** A small stand-in for the protobuf codec: a magic number, then the fields with DataOutput. */
final class TestCodec implements StoredRecordCodec {

    private static final int MAGIC = 0x45475431;

    @Override
    public byte[] encode(EventRecord record, Lane lane) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(lane.name());
            out.writeUTF(record.eventId());
            out.writeUTF(record.companyId());
            out.writeUTF(record.sourceName());
            out.writeUTF(record.eventType());
            writeNullable(out, record.groupKey());
            byte[] payload = record.payload().toByteArray();
            out.writeInt(payload.length);
            out.write(payload);
            out.writeUTF(record.priority().name());
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
                throw new CorruptRecordException("not a test record", null);
            }
            Lane lane = Lane.valueOf(in.readUTF());
            String eventId = in.readUTF();
            String companyId = in.readUTF();
            String sourceName = in.readUTF();
            String eventType = in.readUTF();
            String groupKey = readNullable(in);
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            Priority priority = Priority.valueOf(in.readUTF());
            Instant ingestedAt = readInstant(in);
            Instant sloDeadline = readInstant(in);
            int attempt = in.readInt();
            int offloads = in.readInt();
            Instant delayUntil = in.readBoolean() ? readInstant(in) : null;
            String lastError = readNullable(in);
            EventRecord record = new EventRecord(eventId, companyId, sourceName, eventType, groupKey,
                    Payload.wrap(payload), Map.of(), priority, ingestedAt, sloDeadline, attempt, offloads, delayUntil,
                    lastError);
            return new DecodedRecord(record, lane);
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
