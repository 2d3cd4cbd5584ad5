package io.eventgateway.adapters.kafka.flow;

import com.google.protobuf.InvalidProtocolBufferException;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Flow signals on the flow-control topic: the value is a proto {@code eventgateway.v1.FlowSignal}, the key the
 * replica index in decimal (what compaction keeps one record per). {@code publishedAt} travels as epoch
 * milliseconds, so a decoded signal equals the encoded one only to the millisecond.
 */
final class FlowSignalCodec {

    private FlowSignalCodec() {
    }

    static byte[] key(FlowSignal signal) {
        return Integer.toString(signal.replicaIndex()).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(FlowSignal signal) {
        return io.eventgateway.protocol.v1.FlowSignal.newBuilder()
                .setReplicaIndex(signal.replicaIndex())
                .setState(toWire(signal.state()))
                .setPublishedAtMs(signal.publishedAt().toEpochMilli())
                .build()
                .toByteArray();
    }

    /** @throws CorruptRecordException when the bytes are not a complete, valid flow signal */
    static FlowSignal decode(byte[] bytes) {
        io.eventgateway.protocol.v1.FlowSignal wire;
        try {
            wire = io.eventgateway.protocol.v1.FlowSignal.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptRecordException("not a flow signal: " + e.getMessage(), e);
        }
        CongestionState state = switch (wire.getState()) {
            case CLEAR -> CongestionState.CLEAR;
            case CONGESTED -> CongestionState.CONGESTED;
            case CONGESTION_STATE_UNSPECIFIED, UNRECOGNIZED -> throw new CorruptRecordException(
                    "flow signal of replica " + wire.getReplicaIndex() + " has no known state ("
                            + wire.getStateValue() + ")", null);
        };
        if (wire.getPublishedAtMs() <= 0) {
            throw new CorruptRecordException("flow signal of replica " + wire.getReplicaIndex()
                    + " has no published_at_ms (" + wire.getPublishedAtMs() + ")", null);
        }
        try {
            return new FlowSignal(wire.getReplicaIndex(), state, Instant.ofEpochMilli(wire.getPublishedAtMs()));
        } catch (IllegalArgumentException e) {
            throw new CorruptRecordException("invalid flow signal: " + e.getMessage(), e);
        }
    }

    private static io.eventgateway.protocol.v1.CongestionState toWire(CongestionState state) {
        return switch (state) {
            case CLEAR -> io.eventgateway.protocol.v1.CongestionState.CLEAR;
            case CONGESTED -> io.eventgateway.protocol.v1.CongestionState.CONGESTED;
        };
    }
}
