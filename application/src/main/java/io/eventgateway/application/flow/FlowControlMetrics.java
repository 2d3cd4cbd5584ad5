package io.eventgateway.application.flow;

import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.LaneHealth;

/** What a replica's flow control reports: state changes (once each) and the fate of every signal. */
public interface FlowControlMetrics {

    /** The replica's P10 state changed at this interval; {@code health} is the snapshot that changed it. */
    void onStateChanged(CongestionState from, CongestionState to, LaneHealth health);

    /** The sink stored a signal carrying {@code state}. */
    void onPublished(CongestionState state);

    /** The sink could not store a signal; the next interval publishes the state as it is then. */
    void onPublishFailed(CongestionState state, Throwable failure);

    /** The previous signal was still on its way, so this interval published nothing. */
    void onSkipped(CongestionState state);
}
