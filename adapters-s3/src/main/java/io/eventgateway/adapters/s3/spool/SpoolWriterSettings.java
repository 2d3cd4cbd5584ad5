package io.eventgateway.adapters.s3.spool;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the spool writer: how many puts run at once, how many batches may wait for a thread (past that a
 * write fails at once instead of blocking the publisher), and how long close waits for queued batches.
 */
public record SpoolWriterSettings(int threads, int queueCapacity, Duration drainTimeout) {

    private static final int MAX_THREADS = 64;

    public SpoolWriterSettings {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX_THREADS + ", was " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
        }
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must not be negative, was " + drainTimeout);
        }
    }

    /** Two writers, 64 queued batches, ten seconds to drain: the spool is a fallback, not the hot path. */
    public static SpoolWriterSettings defaults() {
        return new SpoolWriterSettings(2, 64, Duration.ofSeconds(10));
    }
}
