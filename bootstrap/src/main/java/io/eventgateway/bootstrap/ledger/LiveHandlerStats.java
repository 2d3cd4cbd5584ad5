package io.eventgateway.bootstrap.ledger;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Running figures of the handler's invocations per priority, for the live summary: finished (ACK or FAIL) events,
 * retries, failures, SLO met and missed at the first delivery, and the end-to-end latency (ingest to handler start)
 * of first deliveries since the last {@link #take}. Lock-free for the handlers that feed it.
 */
public final class LiveHandlerStats {

    private final Map<String, PriorityStats> byPriority = Map.of("P30", new PriorityStats(), "P20",
            new PriorityStats(), "P10", new PriorityStats());

    public void record(LedgerEntry entry) {
        PriorityStats stats = byPriority.get(entry.priority());
        switch (entry.outcome()) {
            case ACK -> stats.finished.increment();
            case RETRY -> stats.retries.increment();
            case FAIL -> {
                stats.finished.increment();
                stats.fails.increment();
            }
        }
        if (entry.attempt() == 0 && entry.delivery() <= 1) {
            (entry.late() ? stats.sloMissed : stats.sloMet).increment();
            stats.latencies.recordValue(entry.latencyMs());
        }
    }

    /** Totals since start, and the latencies recorded since the previous call for this priority. */
    public Window take(String priority) {
        PriorityStats stats = byPriority.get(priority);
        if (stats == null) {
            throw new IllegalArgumentException("priority must be P10, P20 or P30, was " + priority);
        }
        Histogram interval = stats.latencies.getIntervalHistogram();
        return new Window(stats.finished.sum(), stats.retries.sum(), stats.fails.sum(), stats.sloMet.sum(),
                stats.sloMissed.sum(), interval.getTotalCount(), interval.getValueAtPercentile(50),
                interval.getValueAtPercentile(99));
    }

    /**
     * @param latencyCount first deliveries in the interval; the percentiles are 0 when none
     */
    public record Window(long finished, long retries, long fails, long sloMet, long sloMissed, long latencyCount,
            long latencyP50Ms, long latencyP99Ms) {

        /** 100 when nothing was delivered yet. */
        public double sloMetPct() {
            long total = sloMet + sloMissed;
            return total == 0 ? 100.0 : 100.0 * sloMet / total;
        }
    }

    private static final class PriorityStats {
        private final LongAdder finished = new LongAdder();
        private final LongAdder retries = new LongAdder();
        private final LongAdder fails = new LongAdder();
        private final LongAdder sloMet = new LongAdder();
        private final LongAdder sloMissed = new LongAdder();
        private final Recorder latencies = new Recorder(3);
    }
}
