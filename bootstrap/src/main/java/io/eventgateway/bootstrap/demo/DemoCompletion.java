package io.eventgateway.bootstrap.demo;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.ledger.DeadLetterIds;
import io.eventgateway.bootstrap.ledger.LedgerContents;
import io.eventgateway.bootstrap.ledger.Reconciliation;
import io.eventgateway.bootstrap.loadgen.AcceptedRecordContents;
import io.eventgateway.bootstrap.processor.HandledEvents;
import io.eventgateway.domain.priority.Priority;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a timed demo: stops the load, waits up to {@code eventgateway.demo.drain-timeout} (default 60 s) until every
 * stored event is processed or dead-lettered, checking every {@code eventgateway.demo.drain-check-interval}, and
 * reconciles the demo's record of stored events with the ledger and the DLQ. Needs every role in this process.
 *
 * <p>If the wait times out, what is still missing counts as pending up to what the gateway still holds — the
 * orchestrator's lane backlog, buffered and leased records, and the events stored on the alternate cluster or in S3
 * (they reach the lanes through recovery) — and as lost beyond that.
 */
@Singleton
@Requires(property = "eventgateway.demo.enabled", value = "true")
public class DemoCompletion {

    private static final Logger LOG = LoggerFactory.getLogger("io.eventgateway.demo");
    private static final Duration PUBLISH_ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DLQ_READ_TIMEOUT = Duration.ofSeconds(30);

    private final DemoLoad load;
    private final HandledEvents handled;
    private final DispatchService dispatch;
    private final KafkaClusters clusters;
    private final TopicNames names;
    private final StoredRecordCodec codec;
    private final Clock clock;
    private final Duration drainTimeout;
    private final Duration checkInterval;

    public DemoCompletion(@Nullable DemoLoad load, @Nullable HandledEvents handled,
            @Nullable DispatchService dispatch, KafkaClusters clusters, TopicNames names, StoredRecordCodec codec,
            Clock clock, @Value("${eventgateway.demo.drain-timeout:60s}") Duration drainTimeout,
            @Value("${eventgateway.demo.drain-check-interval:500ms}") Duration checkInterval) {
        this.load = load;
        this.handled = handled;
        this.dispatch = dispatch;
        this.clusters = clusters;
        this.names = names;
        this.codec = codec;
        this.clock = clock;
        this.drainTimeout = drainTimeout;
        this.checkInterval = checkInterval;
    }

    public DemoResult finish() throws InterruptedException {
        if (load == null || handled == null || dispatch == null) {
            throw new IllegalStateException("a timed demo needs the publisher, orchestrator and processor roles in "
                    + "this process (--role all)");
        }
        Path record = load.recordPath().orElseThrow(() -> new IllegalStateException(
                "a timed demo needs eventgateway.demo.record (where the demo records stored events)"));
        Path ledger = handled.ledgerPath().orElseThrow(() -> new IllegalStateException(
                "a timed demo needs eventgateway.processor.demo-ledger (the demo handler's ledger)"));
        Instant loadStarted = load.stopOffering(PUBLISH_ANSWER_TIMEOUT);
        Instant loadStopped = clock.instant();
        LOG.info("demo: load stopped after {} s; waiting up to {} s for the backlog to drain",
                Duration.between(loadStarted, loadStopped).toSeconds(), drainTimeout.toSeconds());
        Instant giveUp = loadStopped.plus(drainTimeout);
        Reconciliation result = reconcile(record, ledger, 0);
        while (result.lost() > 0 && clock.instant().isBefore(giveUp)) {
            Thread.sleep(checkInterval.toMillis());
            result = reconcile(record, ledger, 0);
        }
        boolean drained = result.lost() == 0;
        if (!drained) {
            DemoTotals totals = load.totals();
            result = reconcile(record, ledger, outstanding(dispatch.status())
                    + totals.storedIn(StoredLocation.Kind.ALTERNATE) + totals.storedIn(StoredLocation.Kind.S3));
        }
        Instant finished = clock.instant();
        LOG.info("demo: {} after {} ms: stored {}, processed {}, dlq {}, pending {}, lost {}",
                drained ? "drained" : "drain timed out", Duration.between(loadStopped, finished).toMillis(),
                result.stored(), result.processed(), result.deadLettered(), result.pending(), result.lost());
        return summary(result, drained, Duration.between(loadStarted, loadStopped),
                Duration.between(loadStarted, finished));
    }

    private Reconciliation reconcile(Path record, Path ledger, long outstanding) {
        DeadLetterIds.Contents deadLetters = DeadLetterIds.read(clusters.primary(), names.dlq(), codec,
                DLQ_READ_TIMEOUT);
        return Reconciliation.of(AcceptedRecordContents.read(record).events(), LedgerContents.read(ledger).entries(),
                deadLetters.eventIds(), outstanding);
    }

    private static long outstanding(OrchestratorStatus status) {
        long held = status.leases().inFlight();
        for (OrchestratorStatus.LaneStatus lane : status.lanes().values()) {
            held += Math.max(0, lane.lag()) + lane.buffered();
        }
        return held;
    }

    private DemoResult summary(Reconciliation result, boolean drained, Duration loadTime, Duration untilDrained) {
        DemoTotals totals = load.totals();
        DemoResult.Totals sums = new DemoResult.Totals(totals.offered(), result.stored(),
                totals.storedIn(StoredLocation.Kind.PRIMARY), totals.storedIn(StoredLocation.Kind.ALTERNATE),
                totals.storedIn(StoredLocation.Kind.S3), result.processed(), result.duplicates(), result.retried(),
                result.deadLettered(), result.pending(), result.lost());
        Map<String, DemoResult.PriorityFigures> priorities = new LinkedHashMap<>();
        for (Priority priority : new Priority[] {Priority.P30, Priority.P20, Priority.P10}) {
            Reconciliation.PriorityFigures figures = result.byPriority().get(priority.name());
            priorities.put(priority.name(), new DemoResult.PriorityFigures(totals.offered(priority),
                    figures.processed(), figures.sloMetPct(), new DemoResult.Latency(figures.latencyP50Ms(),
                            figures.latencyP99Ms(), figures.latencyMaxMs())));
        }
        double seconds = Math.max(0.001, untilDrained.toMillis() / 1000.0);
        return new DemoResult(loadTime.toMillis() / 1000.0, result.processed() / seconds, sums, priorities, drained);
    }
}
