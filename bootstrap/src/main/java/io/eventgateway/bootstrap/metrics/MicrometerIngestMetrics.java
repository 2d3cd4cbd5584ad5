package io.eventgateway.bootstrap.metrics;

import io.eventgateway.application.ingest.IngestMetrics;
import io.eventgateway.application.ingest.StoreTarget;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Publisher metrics: {@code eg.publish.latency}, {@code eg.publish.batch.size}, {@code eg.publish.stored{priority,
 * lane,target}}, {@code eg.publish.failed{error_type}}, {@code eg.publish.fallback{target}} and
 * {@code eg.publish.rollout}.
 */
public final class MicrometerIngestMetrics implements IngestMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final DistributionSummary batchSize;
    private final Counter rollout;

    public MicrometerIngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("eg.publish.latency").description("time to answer an ingest batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("eg.publish.batch.size").description("events per ingest batch")
                .register(registry);
        this.rollout = Counter.builder("eg.publish.rollout").description("events routed to the rollout cluster")
                .register(registry);
    }

    @Override
    public void onBatchAnswered(Duration elapsed, int events) {
        latency.record(elapsed);
        batchSize.record(events);
    }

    @Override
    public void onEventFailed(String errorType) {
        registry.counter("eg.publish.failed", "error_type", errorType).increment();
    }

    @Override
    public void onEventStored(Priority priority, Lane lane, StoreTarget target) {
        registry.counter("eg.publish.stored", "priority", priority.name(), "lane", lane.shortName(), "target",
                target.tag()).increment();
    }

    @Override
    public void onFallback(StoreTarget target) {
        registry.counter("eg.publish.fallback", "target", target.tag()).increment();
    }

    @Override
    public void onRolloutRouted() {
        rollout.increment();
    }
}
