package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.application.dispatch.DeadLetterCause;
import io.eventgateway.application.dispatch.DispatchMetrics;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * {@code eg.dispatch.*} meters of one replica, every one tagged {@code role=orchestrator} and {@code replica=i}.
 * Events are counted as the service reports them; levels (buffer bytes, paused lanes, lag) are gauges over
 * {@link OrchestratorStatus}, bound with {@link #bindStatus} once the service exists.
 */
final class MicrometerDispatchMetrics implements DispatchMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final DistributionSummary batchSize;
    private final DistributionSummary batchBytes;
    private final Timer fetchWait;
    private final AtomicInteger heldBackExpiries = new AtomicInteger();

    MicrometerDispatchMetrics(MeterRegistry registry, int replicaIndex) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of("role", "orchestrator", "replica", Integer.toString(replicaIndex));
        this.batchSize = DistributionSummary.builder("eg.dispatch.fetch.batch.size").tags(tags)
                .description("tasks per leased batch").register(registry);
        this.batchBytes = DistributionSummary.builder("eg.dispatch.fetch.batch.bytes").tags(tags)
                .baseUnit("bytes").register(registry);
        this.fetchWait = Timer.builder("eg.dispatch.fetch.wait").tags(tags)
                .description("how long a fetch waited for work before its batch was leased").register(registry);
        Gauge.builder("eg.dispatch.lease.expiries.held.back", heldBackExpiries, AtomicInteger::get).tags(tags)
                .description("leases past expiry waiting for the response consumer to catch up (alert above 0)")
                .register(registry);
    }

    /** Gauges read from the service's status at each scrape. */
    void bindStatus(Supplier<OrchestratorStatus> status) {
        for (Lane lane : Lane.values()) {
            Tags laneTags = tags.and("lane", lane.shortName());
            gauge("eg.dispatch.buffer.bytes", laneTags, status, s -> s.lanes().get(lane).bytes());
            gauge("eg.dispatch.buffer.tasks", laneTags, status, s -> s.lanes().get(lane).buffered());
            gauge("eg.dispatch.consumer.paused", laneTags, status, s -> s.lanes().get(lane).paused() ? 1 : 0);
            gauge("eg.dispatch.poll.delay.ms", laneTags, status, s -> s.lanes().get(lane).pollDelayMs());
            gauge("eg.dispatch.consumer.lag", laneTags, status, s -> s.lanes().get(lane).lag());
            gauge("eg.dispatch.oldest.age.ms", laneTags, status, s -> s.lanes().get(lane).oldestAgeMs());
        }
        gauge("eg.dispatch.leases.in.flight", tags, status, s -> s.leases().inFlight());
        gauge("eg.dispatch.memory.used.bytes", tags, status, s -> s.memory().usedBytes());
        gauge("eg.dispatch.memory.budget.bytes", tags, status, s -> s.memory().budgetBytes());
        gauge("eg.dispatch.dedup.bytes", tags, status, s -> s.memory().dedupBytes());
        // Counts of the status as monotonic gauges: where failed attempts went and what a restart saved.
        gauge("eg.dispatch.retries.in.memory", tags, status, s -> s.counters().handoffs().retriedInMemory());
        gauge("eg.dispatch.retries.rerouted", tags, status, s -> s.counters().handoffs().rerouted());
        gauge("eg.dispatch.escalations", tags, status, s -> s.counters().handoffs().escalations());
        gauge("eg.dispatch.offloaded", tags, status, s -> s.counters().handoffs().offloaded());
        gauge("eg.dispatch.copies.dropped", tags, status, s -> s.counters().copiesDropped());
        gauge("eg.dispatch.restart.skipped.offsets", tags, status, s -> s.counters().restart().skippedOffsets());
        gauge("eg.dispatch.restart.replayed.acks", tags, status, s -> s.counters().restart().replayedAcks());
    }

    /** Partitions a lane consumer stopped because their position fell out of range: data needs a human. */
    void bindStoppedPartitions(LaneConsumers consumers) {
        for (Lane lane : Lane.values()) {
            Gauge.builder("eg.dispatch.partitions.stopped", consumers,
                    c -> c.of(lane).stoppedPartitionCount()).tags(tags.and("lane", lane.shortName()))
                    .register(registry);
        }
    }

    /** Seconds since the last successful commit: the commit lag alert. */
    void bindCommitAge(Supplier<Duration> sinceLastCommit) {
        Gauge.builder("eg.dispatch.commit.age.seconds", sinceLastCommit, s -> s.get().toMillis() / 1000.0).tags(tags)
                .strongReference(true).register(registry);
    }

    @Override
    public void onLeased(int tasks, long bytes, Duration waited) {
        batchSize.record(tasks);
        batchBytes.record(bytes);
        fetchWait.record(waited);
    }

    @Override
    public void onSlo(Priority priority, boolean met) {
        registry.counter("eg.dispatch.slo", tags.and("priority", priority.name(), "result", met ? "met" : "missed"))
                .increment();
    }

    @Override
    public void onResponse(ResponseKind kind) {
        registry.counter("eg.dispatch.responses", tags.and("kind", kind.name())).increment();
    }

    @Override
    public void onLeaseExpired(Lane lane) {
        registry.counter("eg.dispatch.lease.expirations", tags.and("lane", lane.shortName())).increment();
    }

    @Override
    public void onExpiriesHeldBack(int leases) {
        heldBackExpiries.set(leases);
    }

    @Override
    public void onRetryScheduled(Lane lane, int level) {
        registry.counter("eg.dispatch.retries", tags.and("lane", lane.shortName(), "level",
                level == 0 ? "memory" : Integer.toString(level))).increment();
    }

    @Override
    public void onDeadLettered(Lane lane, DeadLetterCause cause) {
        registry.counter("eg.dispatch.dead.lettered", tags.and("lane", lane.shortName(), "cause", cause.name()))
                .increment();
    }

    @Override
    public void onHandoffFailed(Lane lane) {
        registry.counter("eg.dispatch.handoff.failures", tags.and("lane", lane.shortName())).increment();
    }

    @Override
    public void onCorruptRecord(Lane lane) {
        registry.counter("eg.dispatch.corrupt.records", tags.and("lane", lane.shortName())).increment();
    }

    @Override
    public void onCommitTruncated(SourcePartition partition, int droppedRanges) {
        // Tagged by topic, not partition, to keep the series count small.
        registry.counter("eg.dispatch.commit.truncated", tags.and("topic", partition.topic())).increment();
    }

    private void gauge(String name, Tags gaugeTags, Supplier<OrchestratorStatus> status,
            ToDoubleFunction<OrchestratorStatus> value) {
        // Held strongly: a gauge keeps only a weak reference by default, and nothing else holds this supplier.
        Gauge.builder(name, status, s -> value.applyAsDouble(s.get())).tags(gaugeTags).strongReference(true)
                .register(registry);
    }
}
