package io.eventgateway.bootstrap.demo;

import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.bootstrap.ledger.LiveHandlerStats;
import io.eventgateway.bootstrap.processor.HandledEvents;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's live summary: every {@code eventgateway.demo.summary-interval}, one line per priority — published/s,
 * processed/s, backlog (records in the lane topic not yet served: unpolled plus buffered; P10 includes offload),
 * p50/p99 end-to-end latency (ingest to handler start, first deliveries of the interval), SLO met % since start,
 * handler retries, DLQ (events the handler FAILed), fallback writes (stored on the alternate cluster or S3) and,
 * on the P10 line, the AIMD admission rate.
 */
@Context
@PublisherRole
@Requires(property = "eventgateway.demo.enabled", value = "true")
public class LiveSummary {

    private static final Logger LOG = LoggerFactory.getLogger("io.eventgateway.demo");
    private static final List<Priority> TOP_DOWN = List.of(Priority.P30, Priority.P20, Priority.P10);

    private final DemoTotals totals;
    private final P10AdmissionService admission;
    private final LiveHandlerStats handled;
    private final DispatchService dispatch;
    private final Duration interval;
    private final Map<Priority, long[]> previous = new EnumMap<>(Priority.class);
    private final ScheduledFuture<?> schedule;

    public LiveSummary(DemoLoad load, P10AdmissionService admission, @Nullable HandledEvents handled,
            @Nullable DispatchService dispatch, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            @Value("${eventgateway.demo.summary-interval:5s}") Duration interval) {
        this.totals = load.totals();
        this.admission = admission;
        this.handled = handled == null ? null : handled.stats();
        this.dispatch = dispatch;
        this.interval = interval;
        for (Priority priority : TOP_DOWN) {
            previous.put(priority, new long[2]);
        }
        this.schedule = scheduler.scheduleAtFixedRate(interval, interval, this::log);
    }

    private void log() {
        OrchestratorStatus status = dispatch == null ? null : dispatch.status();
        for (Priority priority : TOP_DOWN) {
            LOG.info(line(priority, status));
        }
    }

    /** One priority's line; advances that priority's rates to now. */
    synchronized String line(Priority priority, OrchestratorStatus status) {
        long offered = totals.offered(priority);
        long[] last = previous.get(priority);
        StringBuilder line = new StringBuilder(String.format("%s pub %5d/s", priority, perSecond(offered - last[0])));
        last[0] = offered;
        if (handled == null) {
            line.append(" | processor not running here");
        } else {
            LiveHandlerStats.Window window = handled.take(priority.name());
            line.append(String.format(" | proc %5d/s", perSecond(window.finished() - last[1])));
            last[1] = window.finished();
            line.append(" | backlog ").append(status == null ? "    -" : String.format("%5d", backlog(priority,
                    status)));
            line.append(window.latencyCount() == 0 ? " | e2e p50     - p99     -"
                    : String.format(" | e2e p50 %5s p99 %5s", millis(window.latencyP50Ms()),
                            millis(window.latencyP99Ms())));
            line.append(String.format(" | SLO %6.2f%% | retries %d | DLQ %d", window.sloMetPct(), window.retries(),
                    window.fails()));
        }
        line.append(" | fallback ").append(totals.fallbackWrites(priority));
        if (priority == Priority.P10) {
            line.append(" | AIMD P10 ").append(Math.round(admission.p10Rate())).append("/s");
        }
        return line.toString();
    }

    private long perSecond(long delta) {
        return delta * 1000 / Math.max(1, interval.toMillis());
    }

    private static String millis(long ms) {
        return ms < 10_000 ? ms + "ms" : ms / 1000 + "s";
    }

    private static long backlog(Priority priority, OrchestratorStatus status) {
        long backlog = waiting(status.lanes().get(Lane.of(priority)));
        return priority == Priority.P10 ? backlog + waiting(status.lanes().get(Lane.OFFLOAD)) : backlog;
    }

    private static long waiting(OrchestratorStatus.LaneStatus lane) {
        return lane == null ? 0 : Math.max(0, lane.lag()) + lane.buffered();
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }
}
