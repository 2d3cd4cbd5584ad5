package io.eventgateway.adapters.kafka.record;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.util.Optional;

/**
 * The one mapping between the domain's {@link Lane} and {@link Priority} and their wire enums. The switches have
 * no default branch, so a value added on either side fails to compile until it is mapped here.
 */
final class WireEnums {

    private WireEnums() {
    }

    static io.eventgateway.protocol.v1.Lane toWire(Lane lane) {
        return switch (lane) {
            case P30 -> io.eventgateway.protocol.v1.Lane.LANE_P30;
            case P20 -> io.eventgateway.protocol.v1.Lane.LANE_P20;
            case P10 -> io.eventgateway.protocol.v1.Lane.LANE_P10;
            case OFFLOAD -> io.eventgateway.protocol.v1.Lane.LANE_OFFLOAD;
            case RETRY -> io.eventgateway.protocol.v1.Lane.LANE_RETRY;
        };
    }

    /** Empty for {@code LANE_UNSPECIFIED} and for numbers this build does not know. */
    static Optional<Lane> fromWire(io.eventgateway.protocol.v1.Lane lane) {
        return switch (lane) {
            case LANE_P30 -> Optional.of(Lane.P30);
            case LANE_P20 -> Optional.of(Lane.P20);
            case LANE_P10 -> Optional.of(Lane.P10);
            case LANE_OFFLOAD -> Optional.of(Lane.OFFLOAD);
            case LANE_RETRY -> Optional.of(Lane.RETRY);
            case LANE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }

    static io.eventgateway.protocol.v1.Priority toWire(Priority priority) {
        return switch (priority) {
            case P30 -> io.eventgateway.protocol.v1.Priority.P30;
            case P20 -> io.eventgateway.protocol.v1.Priority.P20;
            case P10 -> io.eventgateway.protocol.v1.Priority.P10;
        };
    }

    /** Empty for {@code PRIORITY_UNSPECIFIED} (a stored record is always classified) and unknown numbers. */
    static Optional<Priority> fromWire(io.eventgateway.protocol.v1.Priority priority) {
        return switch (priority) {
            case P30 -> Optional.of(Priority.P30);
            case P20 -> Optional.of(Priority.P20);
            case P10 -> Optional.of(Priority.P10);
            case PRIORITY_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
