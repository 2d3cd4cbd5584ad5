package io.eventgateway.adapters.kafka.record;

import com.google.protobuf.InvalidProtocolBufferException;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufStoredRecordCodecTest {

    private static final Instant INGESTED = Instant.parse("2026-11-22T10:15:30.123Z");

    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();

    @Test
    void aRecordWithEveryFieldSetSurvivesARoundTrip() {
        EventRecord record = fullRecord();

        DecodedRecord decoded = codec.decode(codec.encode(record, Lane.RETRY));

        assertThat(decoded).isEqualTo(new DecodedRecord(record, Lane.RETRY));
    }

    @Test
    void aRecordWithOnlyRequiredFieldsSurvivesARoundTripWithItsAbsentFieldsNull() {
        EventRecord record = minimalRecord();

        DecodedRecord decoded = codec.decode(codec.encode(record, Lane.P10));

        assertThat(decoded).isEqualTo(new DecodedRecord(record, Lane.P10));
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void everyLaneSurvivesARoundTrip(Lane lane) {
        assertThat(codec.decode(codec.encode(minimalRecord(), lane)).lane()).isEqualTo(lane);
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void everyPrioritySurvivesARoundTrip(Priority priority) {
        EventRecord record = minimalRecord().withPriority(priority);

        assertThat(codec.decode(codec.encode(record, Lane.P20)).record().priority()).isEqualTo(priority);
    }

    @ParameterizedTest
    @CsvSource({"P30, 30", "P20, 20", "P10, 10"})
    void aPriorityIsStoredAsTheWireEnumOfTheSameName(Priority priority, int wireNumber) throws Exception {
        StoredRecord wire = StoredRecord.parseFrom(codec.encode(minimalRecord().withPriority(priority), Lane.P30));

        assertThat(wire.getPriorityValue()).isEqualTo(wireNumber);
    }

    @ParameterizedTest
    @CsvSource({"P30, LANE_P30", "P20, LANE_P20", "P10, LANE_P10", "OFFLOAD, LANE_OFFLOAD", "RETRY, LANE_RETRY"})
    void aLaneIsStoredAsItsWireLane(Lane lane, io.eventgateway.protocol.v1.Lane wireLane) throws Exception {
        StoredRecord wire = StoredRecord.parseFrom(codec.encode(minimalRecord(), lane));

        assertThat(wire.getLane()).isEqualTo(wireLane);
    }

    @Test
    void instantsAreStoredAsEpochMilliseconds() throws Exception {
        StoredRecord wire = StoredRecord.parseFrom(codec.encode(fullRecord(), Lane.RETRY));

        assertThat(wire.getIngestedAtMs()).isEqualTo(INGESTED.toEpochMilli());
        assertThat(wire.getSloDeadlineMs()).isEqualTo(INGESTED.plusSeconds(5).toEpochMilli());
        assertThat(wire.getDelayUntilMs()).isEqualTo(INGESTED.plusSeconds(80).toEpochMilli());
    }

    @Test
    void subMillisecondDigitsAreDroppedOnEncode() {
        EventRecord record = minimalRecord().withDelayUntil(Instant.parse("2026-11-22T10:20:00.123456789Z"));

        EventRecord decoded = codec.decode(codec.encode(record, Lane.P10)).record();

        assertThat(decoded.delayUntil()).isEqualTo(Instant.parse("2026-11-22T10:20:00.123Z"));
    }

    @Test
    void anAbsentDelayIsStoredAsZero() throws Exception {
        StoredRecord wire = StoredRecord.parseFrom(codec.encode(minimalRecord(), Lane.P10));

        assertThat(wire.getDelayUntilMs()).isZero();
    }

    @Test
    void aDelayAtTheEpochDelaysNothingAndDecodesAsAbsent() {
        EventRecord record = minimalRecord().withDelayUntil(Instant.EPOCH);

        assertThat(codec.decode(codec.encode(record, Lane.P10)).record().delayUntil()).isNull();
    }

    @Test
    void anEmptyGroupKeyDecodesAsNull() {
        EventRecord record = withGroupKey(minimalRecord(), "");

        assertThat(codec.decode(codec.encode(record, Lane.P10)).record().groupKey()).isNull();
    }

    @Test
    void anEmptyLastErrorDecodesAsNull() {
        EventRecord record = minimalRecord().withLastError("");

        assertThat(codec.decode(codec.encode(record, Lane.P10)).record().lastError()).isNull();
    }

    @Test
    void anIngestTimeAtTheEpochIsRefusedOnEncodeBecauseZeroMeansAbsent() {
        EventRecord record = new EventRecord("e-1", "acme", "billing", "invoice.created", null, Payload.empty(),
                Map.of(), Priority.P20, Instant.EPOCH, INGESTED, 0, 0, null, null);

        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(record, Lane.P20))
                .withMessageContaining("ingestedAt");
    }

    @Test
    void theDecodedPayloadDoesNotShareTheInputArray() {
        byte[] bytes = codec.encode(fullRecord(), Lane.P30);
        EventRecord decoded = codec.decode(bytes).record();

        Arrays.fill(bytes, (byte) 0);

        assertThat(decoded.payload()).isEqualTo(Payload.copyOf("{\"amount\":42}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesThatAreNotProtobufAreACorruptRecord() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThatThrownBy(() -> codec.decode(garbage))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("not a stored record")
                .hasCauseInstanceOf(InvalidProtocolBufferException.class);
    }

    @Test
    void emptyBytesAreACorruptRecordNamingEveryMissingRequiredField() {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContainingAll("event_id is missing", "company_id is missing", "source_name is missing",
                        "event_type is missing", "priority is missing", "lane is missing",
                        "ingested_at_ms is missing", "slo_deadline_ms is missing");
    }

    @Test
    void aRecordWithoutALaneIsCorruptAndTheMessageNamesTheEvent() throws Exception {
        byte[] bytes = StoredRecord.parseFrom(codec.encode(minimalRecord(), Lane.P10)).toBuilder()
                .clearLane().build().toByteArray();

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessage("stored record of event 'e-1' is corrupt: lane is missing");
    }

    @Test
    void aPriorityNumberThisBuildDoesNotKnowIsCorrupt() throws Exception {
        byte[] bytes = StoredRecord.parseFrom(codec.encode(minimalRecord(), Lane.P10)).toBuilder()
                .setPriorityValue(42).build().toByteArray();

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("priority has the unknown value 42");
    }

    @Test
    void aNegativeAttemptCountIsCorrupt() throws Exception {
        byte[] bytes = StoredRecord.parseFrom(codec.encode(minimalRecord(), Lane.P10)).toBuilder()
                .setAttempt(-1).build().toByteArray();

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("attempt must be >= 0, was -1");
    }

    @Test
    void nullBytesAreACorruptRecord() {
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(CorruptRecordException.class);
    }

    private static EventRecord minimalRecord() {
        return new EventRecord("e-1", "acme", "billing", "invoice.created", null, Payload.empty(), Map.of(),
                Priority.P10, INGESTED, INGESTED.plusSeconds(1200), 0, 0, null, null);
    }

    private static EventRecord fullRecord() {
        return new EventRecord("e-2", "acme", "billing", "invoice.created", "customer-7",
                Payload.copyOf("{\"amount\":42}".getBytes(StandardCharsets.UTF_8)),
                Map.of("region", "eu", "flag", "urgent"), Priority.P30, INGESTED, INGESTED.plusSeconds(5), 3, 1,
                INGESTED.plusSeconds(80), "timeout after 30 s");
    }

    private static EventRecord withGroupKey(EventRecord record, String groupKey) {
        return new EventRecord(record.eventId(), record.companyId(), record.sourceName(), record.eventType(),
                groupKey, record.payload(), record.attributes(), record.priority(), record.ingestedAt(),
                record.sloDeadline(), record.attempt(), record.offloads(), record.delayUntil(), record.lastError());
    }
}
