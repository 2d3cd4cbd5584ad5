package io.eventgateway.sdk.processor;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait after the {@code n}th failed fetch in a row: {@code initial × 2^(n-1)} capped at {@code max}, spread by
 * ±{@value #JITTER} so processors that lost an orchestrator together do not return together.
 */
final class Backoff {

    static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures count from 1, was " + failures);
        }
        double exponential = Math.min(initial.toNanos() * Math.pow(2, failures - 1), max.toNanos());
        double jittered = exponential * (1 - JITTER + 2 * JITTER * nextDouble());
        return Duration.ofNanos((long) Math.min(jittered, max.toNanos()));
    }

    /** Loops of several orchestrators back off at once; not every generator is thread-safe. */
    private synchronized double nextDouble() {
        return random.nextDouble();
    }
}
