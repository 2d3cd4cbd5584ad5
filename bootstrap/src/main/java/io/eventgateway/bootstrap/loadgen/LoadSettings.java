package io.eventgateway.bootstrap.loadgen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param ratePerSecond events per second to offer, 0 for as fast as {@code concurrency} batches in flight allow
 * @param recordFile    where to record stored event ids, or {@code null}
 */
public record LoadSettings(long count, int batchSize, int payloadBytes, int concurrency, double ratePerSecond,
        int tenants, PriorityMix mix, long seed, Path recordFile) {

    public LoadSettings {
        requirePositive(count, "count");
        requirePositive(batchSize, "batch");
        requirePositive(concurrency, "concurrency");
        requirePositive(tenants, "tenants");
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + payloadBytes);
        }
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0, was " + ratePerSecond);
        }
        Objects.requireNonNull(mix, "mix");
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
