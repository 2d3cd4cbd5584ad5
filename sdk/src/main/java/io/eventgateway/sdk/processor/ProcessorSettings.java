package io.eventgateway.sdk.processor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a runner fetches and runs work.
 *
 * @param concurrency      handlers running at once, and also the most tasks in hand (running or about to)
 * @param maxTasksPerFetch the most tasks one FetchNextBatch asks for; fewer when fewer slots are free
 * @param batchSize        the most tasks of one lease handed to the handler in one call; 1 for per-event handlers
 * @param maxBytesPerFetch the byte budget of one fetch (the orchestrator still hands out one larger task)
 * @param longPollWait     how long an orchestrator may hold a fetch open while it has nothing to lease
 * @param leaseTtl         the lease asked for; zero leaves it to the orchestrator's configured TTL
 * @param dedupWindow      how many recently ACKed event ids to remember and ACK again without running the handler;
 *                         zero turns the window off
 * @param shutdownGrace    how long {@code close()} lets running handlers finish
 * @param callTimeout      the deadline of ExtendLease and Release calls, and the slack added to a fetch's wait
 */
record ProcessorSettings(String processorId, int concurrency, int maxTasksPerFetch, int batchSize,
        long maxBytesPerFetch, Duration longPollWait, Duration leaseTtl, boolean dryRun, int dedupWindow,
        Duration initialBackoff, Duration maxBackoff, Duration shutdownGrace, Duration callTimeout) {

    ProcessorSettings {
        if (processorId == null || processorId.isBlank()) {
            throw new IllegalArgumentException("processorId is required");
        }
        requireAtLeastOne(concurrency, "concurrency");
        requireAtLeastOne(maxTasksPerFetch, "maxTasksPerFetch");
        requireAtLeastOne(batchSize, "batchSize");
        if (maxBytesPerFetch < 1) {
            throw new IllegalArgumentException("maxBytesPerFetch must be positive, was " + maxBytesPerFetch);
        }
        requirePositive(longPollWait, "longPollWait");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        if (leaseTtl.isNegative()) {
            throw new IllegalArgumentException("leaseTtl must not be negative, was " + leaseTtl);
        }
        if (dedupWindow < 0) {
            throw new IllegalArgumentException("dedupWindow must not be negative, was " + dedupWindow);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff must not exceed maxBackoff");
        }
        requirePositive(shutdownGrace, "shutdownGrace");
        requirePositive(callTimeout, "callTimeout");
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
