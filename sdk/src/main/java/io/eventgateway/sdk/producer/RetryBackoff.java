package io.eventgateway.sdk.producer;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait before retry {@code n} is about {@code initial × 2^(n-1)}, spread by
 * ±{@value #JITTER} of itself so producers that failed together do not come back together, and never more than
 * {@code max}. A delay the gateway asked for (gRPC {@code RetryInfo}) is a floor, itself capped by {@code max}, so a
 * misbehaving server cannot park the producer indefinitely.
 */
final class RetryBackoff {

    static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    RetryBackoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /**
     * @param retry      1 for the wait before the second attempt, 2 before the third, ...
     * @param serverHint the delay the gateway asked for, or {@code null}
     */
    Duration delayBefore(int retry, Duration serverHint) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        // In doubles, so a high retry count saturates at max instead of overflowing.
        double exponential = initial.toNanos() * Math.pow(2, retry - 1);
        double jittered = exponential * (1 - JITTER + 2 * JITTER * nextDouble());
        Duration delay = Duration.ofNanos((long) Math.min(jittered, max.toNanos()));
        if (serverHint != null && serverHint.compareTo(delay) > 0) {
            return serverHint.compareTo(max) > 0 ? max : serverHint;
        }
        return delay;
    }

    /** Retries of many publications ask at once; not every {@link RandomGenerator} is thread-safe. */
    private synchronized double nextDouble() {
        return random.nextDouble();
    }
}
