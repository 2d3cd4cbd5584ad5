package io.eventgateway.domain.congestion;

/** A replica's view of its own P10 lane, published to every publisher on the flow-control topic. */
public enum CongestionState {
    /** The replica is falling behind on P10: publishers should admit less. */
    CONGESTED,
    /** The replica keeps up with P10: publishers may admit more. */
    CLEAR
}
