package io.eventgateway.sdk.producer;

import java.time.Duration;

/**
 * How hard the producer tries: at most {@code maxAttempts} calls per publish (the first included), waiting between
 * them from {@code initialBackoff} doubling up to {@code maxBackoff}, each call bounded by {@code callTimeout}.
 */
record ProducerSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration callTimeout) {

    /** Longer waits are a misconfiguration, not a policy; the bound also keeps every wait within a long of nanos. */
    private static final Duration LONGEST = Duration.ofDays(1);

    ProducerSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requireSane(initialBackoff, "initialBackoff");
        requireSane(maxBackoff, "maxBackoff");
        requireSane(callTimeout, "callTimeout");
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff (" + initialBackoff + ") must not exceed maxBackoff ("
                    + maxBackoff + ")");
        }
    }

    private static void requireSane(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + LONGEST + ", was " + value);
        }
    }
}
