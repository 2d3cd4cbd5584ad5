package io.eventgateway.application.flow;

import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.domain.congestion.CongestionDetector;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.LaneHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An orchestrator replica's side of flow control: each interval it reads its P10 lane (oldest age, poll delay, how
 * long paused), derives the replica's congestion state with a {@link CongestionDetector} and publishes it, keyed by
 * replica, for every publisher to read.
 *
 * <p>At most one signal is on its way at a time. While the previous one is in flight an interval publishes nothing
 * and the next carries the state as it is then, so a slow broker costs freshness (publishers hold) and never builds
 * a queue of outdated states. Stopping the ticks stops the signals: publishers see the replica go stale and hold.
 *
 * <p>{@link #tick()} is called by one scheduler, never concurrently; the sink completes signals on its own thread,
 * which only reports them.
 */
public final class FlowControlPublisher {

    private final int replicaIndex;
    private final Supplier<OrchestratorStatus.LaneStatus> p10Lane;
    private final CongestionDetector detector;
    private final FlowSignalSink sink;
    private final FlowControlMetrics metrics;
    private final Clock clock;
    private final LaneHealthTracker health = new LaneHealthTracker();
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /**
     * @param p10Lane the replica's P10 lane as dispatch reports it now; must not wait for dispatch work
     */
    public FlowControlPublisher(int replicaIndex, Supplier<OrchestratorStatus.LaneStatus> p10Lane,
            CongestionDetector detector, FlowSignalSink sink, FlowControlMetrics metrics, Clock clock) {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must be >= 0, was " + replicaIndex);
        }
        this.replicaIndex = replicaIndex;
        this.p10Lane = Objects.requireNonNull(p10Lane, "p10Lane");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One interval: returns the signal handed to the sink, or empty when the previous one is still in flight. */
    public Optional<FlowSignal> tick() {
        Instant now = clock.instant();
        LaneHealth current = health.observe(p10Lane.get(), now);
        CongestionState before = detector.state();
        CongestionState state = detector.evaluate(current);
        if (state != before) {
            metrics.onStateChanged(before, state, current);
        }
        if (!inFlight.isDone()) {
            metrics.onSkipped(state);
            return Optional.empty();
        }
        FlowSignal signal = new FlowSignal(replicaIndex, state, now);
        inFlight = sink.publish(signal).whenComplete((ignored, failure) -> {
            if (failure == null) {
                metrics.onPublished(state);
            } else {
                metrics.onPublishFailed(state, failure);
            }
        });
        return Optional.of(signal);
    }
}
