package io.eventgateway.adapters.kafka.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.protocol.v1.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowSignalCodecTest {

    private static final Instant PUBLISHED_AT = Instant.parse("2026-11-22T10:00:00.250Z");

    private static byte[] wire(int replica, io.eventgateway.protocol.v1.CongestionState state, long publishedAtMs) {
        return io.eventgateway.protocol.v1.FlowSignal.newBuilder()
                .setReplicaIndex(replica).setState(state).setPublishedAtMs(publishedAtMs).build().toByteArray();
    }

    @ParameterizedTest
    @EnumSource(CongestionState.class)
    void aSignalDecodesToWhatWasEncoded(CongestionState state) {
        FlowSignal signal = new FlowSignal(3, state, PUBLISHED_AT);

        assertThat(FlowSignalCodec.decode(FlowSignalCodec.encode(signal))).isEqualTo(signal);
    }

    @Test
    void thePublishTimeTravelsToTheMillisecond() {
        FlowSignal signal = new FlowSignal(0, CongestionState.CLEAR, PUBLISHED_AT.plusNanos(999_999));

        assertThat(FlowSignalCodec.decode(FlowSignalCodec.encode(signal)).publishedAt()).isEqualTo(PUBLISHED_AT);
    }

    @Test
    void theKeyIsTheReplicaIndexInDecimal() {
        FlowSignal signal = new FlowSignal(12, CongestionState.CONGESTED, PUBLISHED_AT);

        assertThat(new String(FlowSignalCodec.key(signal), StandardCharsets.UTF_8)).isEqualTo("12");
    }

    @Test
    void bytesThatAreNotProtobufAreCorrupt() {
        assertThatThrownBy(() -> FlowSignalCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("not a flow signal");
    }

    @Test
    void aSignalWithoutAStateIsCorrupt() {
        byte[] bytes = wire(1, io.eventgateway.protocol.v1.CongestionState.CONGESTION_STATE_UNSPECIFIED, 1_000);

        assertThatThrownBy(() -> FlowSignalCodec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("no known state");
    }

    @Test
    void aSignalWithoutAPublishTimeIsCorrupt() {
        byte[] bytes = wire(1, io.eventgateway.protocol.v1.CongestionState.CLEAR, 0);

        assertThatThrownBy(() -> FlowSignalCodec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("published_at_ms");
    }

    @Test
    void aNegativeReplicaIndexIsCorrupt() {
        byte[] bytes = wire(-1, io.eventgateway.protocol.v1.CongestionState.CLEAR, 1_000);

        assertThatThrownBy(() -> FlowSignalCodec.decode(bytes))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("replicaIndex");
    }

    @Test
    void anotherMessageTypeIsCorrupt() {
        byte[] storedRecord = StoredRecord.newBuilder().setEventId("e-1").setCompanyId("acme").build().toByteArray();

        assertThatThrownBy(() -> FlowSignalCodec.decode(storedRecord)).isInstanceOf(CorruptRecordException.class);
    }
}
