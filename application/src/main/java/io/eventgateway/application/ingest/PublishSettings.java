package io.eventgateway.application.ingest;

import io.eventgateway.domain.fallback.CircuitBreakerSettings;
import io.eventgateway.domain.ingest.IngestLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * @param maxInFlightBytes bytes of requests the publisher holds at once; past it requests are refused
 * @param primaryTimeout   how long a primary (or rollout) write may take before the event falls back; the Kafka
 *                         producer's delivery timeout must not exceed it
 * @param alternateTimeout likewise for the alternate cluster
 * @param spoolTimeout     how long the S3 spool write may take before the events are reported unavailable
 */
public record PublishSettings(
        IngestLimits limits,
        long maxInFlightBytes,
        Duration primaryTimeout,
        Duration alternateTimeout,
        Duration spoolTimeout,
        CircuitBreakerSettings breaker) {

    public static PublishSettings defaults() {
        return new PublishSettings(IngestLimits.defaults(), 64L * 1024 * 1024, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(5), CircuitBreakerSettings.defaults());
    }

    public PublishSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(breaker, "breaker");
        if (maxInFlightBytes < limits.maxRequestBytes()) {
            throw new IllegalArgumentException("maxInFlightBytes (" + maxInFlightBytes
                    + ") must be at least maxRequestBytes (" + limits.maxRequestBytes() + ")");
        }
        requirePositive(primaryTimeout, "primaryTimeout");
        requirePositive(alternateTimeout, "alternateTimeout");
        requirePositive(spoolTimeout, "spoolTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
