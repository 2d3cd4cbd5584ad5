package io.eventgateway.domain.fallback;

import java.time.Duration;

/**
 * @param failureThreshold consecutive failures that open the circuit
 * @param probeInterval    how long an open circuit skips the target before one probe; also how long a probe
 *                         may stay unanswered before another is allowed
 */
public record CircuitBreakerSettings(int failureThreshold, Duration probeInterval) {

    public static CircuitBreakerSettings defaults() {
        return new CircuitBreakerSettings(3, Duration.ofSeconds(5));
    }

    public CircuitBreakerSettings {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
        }
        if (probeInterval == null || probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("probeInterval must be positive, was " + probeInterval);
        }
    }
}
