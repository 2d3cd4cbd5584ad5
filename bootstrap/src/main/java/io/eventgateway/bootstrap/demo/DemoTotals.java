package io.eventgateway.bootstrap.demo;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.sdk.processor.ProcessorStats;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Running totals of the demo load and the one-line summary it logs. */
final class DemoTotals {

    private static final Logger LOG = LoggerFactory.getLogger("io.eventgateway.demo");

    private final Map<Priority, LongAdder> stored = new EnumMap<>(Priority.class);
    private final Map<String, LongAdder> byTarget = Map.of("primary", new LongAdder(), "alternate", new LongAdder(),
            "s3", new LongAdder());
    private final LongAdder offloaded = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicLong lastTotal = new AtomicLong();
    private final AtomicLong lastAcked = new AtomicLong();

    DemoTotals() {
        for (Priority priority : Priority.values()) {
            stored.put(priority, new LongAdder());
        }
    }

    void onStored(Priority priority, boolean offload, String target) {
        stored.get(priority).increment();
        byTarget.get(target).increment();
        if (offload) {
            offloaded.increment();
        }
    }

    void onRejected() {
        rejected.increment();
    }

    void onUnavailable() {
        unavailable.increment();
    }

    void onRefused(int events) {
        refused.add(events);
    }

    void logSummary(Duration interval, double p10Rate, Optional<ProcessorStats> processed) {
        long total = stored.values().stream().mapToLong(LongAdder::sum).sum();
        long perSecond = (total - lastTotal.getAndSet(total)) * 1000 / Math.max(1, interval.toMillis());
        String processing = processed.map(stats -> {
            long acked = stats.acked();
            long ackedPerSecond = (acked - lastAcked.getAndSet(acked)) * 1000 / Math.max(1, interval.toMillis());
            return String.format("processed %d/s (acked %d, retried %d, failed %d, backlog %d)", ackedPerSecond,
                    acked, stats.retried(), stats.failed(), Math.max(0, total - acked - stats.failed()));
        }).orElse("processor not running");
        LOG.info("demo: stored {}/s (total P30 {}, P20 {}, P10 {}; offloaded {}) | {} | in primary {}, alternate {}, "
                        + "s3 {} | rejected {}, unavailable {}, refused {} | AIMD P10 rate {}/s",
                perSecond, stored.get(Priority.P30).sum(), stored.get(Priority.P20).sum(),
                stored.get(Priority.P10).sum(), offloaded.sum(), processing, byTarget.get("primary").sum(),
                byTarget.get("alternate").sum(), byTarget.get("s3").sum(), rejected.sum(), unavailable.sum(),
                refused.sum(), Math.round(p10Rate));
    }
}
