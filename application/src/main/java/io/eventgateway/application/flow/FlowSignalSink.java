package io.eventgateway.application.flow;

import io.eventgateway.domain.congestion.FlowSignal;
import java.util.concurrent.CompletableFuture;

/**
 * Where an orchestrator replica publishes its P10 congestion state, keyed by replica, so that only the latest
 * state of each replica is kept and every publisher can read all of them.
 */
public interface FlowSignalSink {

    /** Completes once the signal is stored; fails on any error or when the adapter gives up. Never blocks. */
    CompletableFuture<Void> publish(FlowSignal signal);
}
