package io.eventgateway.application.flow;

import io.eventgateway.domain.congestion.FlowSignal;

/** Receives flow signals from a {@link FlowSignalSource}, one at a time, on the source's thread: must not block. */
@FunctionalInterface
public interface FlowSignalListener {

    void onFlowSignal(FlowSignal signal);
}
