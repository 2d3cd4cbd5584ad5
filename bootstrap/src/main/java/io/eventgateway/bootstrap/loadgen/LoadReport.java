package io.eventgateway.bootstrap.loadgen;

import java.time.Duration;

/** What a load run achieved: counts by outcome, elapsed time and batch latency percentiles. */
public record LoadReport(long sent, long stored, long rejected, long unavailable, long failedCalls, Duration elapsed,
        long batchP50Micros, long batchP99Micros) {

    public double storedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : stored / seconds;
    }

    public String render() {
        return String.format("loadgen: sent %d, stored %d, rejected %d, unavailable %d, failed calls %d in %.1f s"
                        + " -> %.0f events/s stored; batch latency p50 %.1f ms, p99 %.1f ms",
                sent, stored, rejected, unavailable, failedCalls, elapsed.toMillis() / 1000.0, storedPerSecond(),
                batchP50Micros / 1000.0, batchP99Micros / 1000.0);
    }
}
