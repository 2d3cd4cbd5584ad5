package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.application.flow.FlowControlMetrics;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.LaneHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code eg.flow_control.*} meters of one replica, tagged {@code role=orchestrator} and {@code replica=i}: signals
 * stored, failed and skipped per state, and whether the replica is congested now. Logs each state change once, and a
 * run of failed signals once when it starts and once when it ends, not at every interval.
 */
final class MicrometerFlowControlMetrics implements FlowControlMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerFlowControlMetrics.class);

    private final int replicaIndex;
    private final Map<CongestionState, Counter> published = new EnumMap<>(CongestionState.class);
    private final Map<CongestionState, Counter> failed = new EnumMap<>(CongestionState.class);
    private final Map<CongestionState, Counter> skipped = new EnumMap<>(CongestionState.class);
    private final AtomicInteger congested = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();

    MicrometerFlowControlMetrics(MeterRegistry registry, int replicaIndex) {
        this.replicaIndex = replicaIndex;
        Tags tags = Tags.of("role", "orchestrator", "replica", Integer.toString(replicaIndex));
        for (CongestionState state : CongestionState.values()) {
            Tags stateTags = tags.and("state", state.name().toLowerCase(Locale.ROOT));
            published.put(state, Counter.builder("eg.flow_control.signals").tags(stateTags)
                    .description("P10 congestion states this replica published, as stored by the broker")
                    .register(registry));
            failed.put(state, Counter.builder("eg.flow_control.signals.failed").tags(stateTags)
                    .description("P10 congestion states the broker did not store").register(registry));
            skipped.put(state, Counter.builder("eg.flow_control.signals.skipped").tags(stateTags)
                    .description("intervals that published nothing because the previous state was still in flight")
                    .register(registry));
        }
        Gauge.builder("eg.flow_control.congested", congested, AtomicInteger::get).tags(tags)
                .description("1 while this replica reports its P10 lane congested").register(registry);
    }

    @Override
    public void onStateChanged(CongestionState from, CongestionState to, LaneHealth health) {
        congested.set(to == CongestionState.CONGESTED ? 1 : 0);
        if (to == CongestionState.CONGESTED) {
            LOG.warn("replica {} P10 lane is congested (oldest task {} ms, poll delay {} ms, paused {} ms): "
                    + "publishers cut P10 admission", replicaIndex, health.oldestAge().toMillis(),
                    health.pollDelay().toMillis(), health.pausedFor().toMillis());
        } else {
            LOG.info("replica {} P10 lane is clear again (oldest task {} ms, poll delay {} ms, paused {} ms)",
                    replicaIndex, health.oldestAge().toMillis(), health.pollDelay().toMillis(),
                    health.pausedFor().toMillis());
        }
    }

    @Override
    public void onPublished(CongestionState state) {
        published.get(state).increment();
        if (failing.compareAndSet(true, false)) {
            LOG.info("replica {} publishes its P10 congestion state again", replicaIndex);
        }
    }

    @Override
    public void onPublishFailed(CongestionState state, Throwable failure) {
        failed.get(state).increment();
        if (failing.compareAndSet(false, true)) {
            LOG.warn("replica {} cannot publish its P10 congestion state; publishers hold P10 admission once its "
                    + "last state goes stale: {}", replicaIndex, failure.toString());
        }
    }

    @Override
    public void onSkipped(CongestionState state) {
        skipped.get(state).increment();
    }
}
