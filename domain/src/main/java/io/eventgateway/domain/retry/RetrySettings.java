package io.eventgateway.domain.retry;

import java.time.Duration;

/**
 * Retry levels and budgets. Level {@code k} (1..{@code levels}) has the fixed delay
 * {@code baseDelay × multiplier^(k-1)} and its own topic.
 *
 * @param levels           how many retry levels (and retry topics) there are, {@code >= 1}
 * @param baseDelay        the delay of level 1, positive
 * @param multiplier       growth per level, {@code >= 1} so delays never shrink with the level
 * @param inMemoryMaxDelay delays up to this are held in memory instead of a round trip through a topic
 * @param maxAttempts      the retry budget: the most processing attempts an event gets; the failure of attempt
 *                         {@code maxAttempts} sends it to the DLQ ({@code 1} means no retry)
 * @param maxDeliveries    lease expiries tolerated within one attempt before it counts as failed, so a poison
 *                         event that crashes its processor escalates instead of looping
 */
public record RetrySettings(
        int levels,
        Duration baseDelay,
        double multiplier,
        Duration inMemoryMaxDelay,
        int maxAttempts,
        int maxDeliveries) {

    private static final double MAX_DELAY_SECONDS = Long.MAX_VALUE / 1.0e9;

    /** Five levels of 5 s, 20 s, 80 s, 320 s and 1280 s; level 1 held in memory; ten attempts. */
    public static RetrySettings defaults() {
        return new RetrySettings(5, Duration.ofSeconds(5), 4.0, Duration.ofSeconds(5), 10, 5);
    }

    public RetrySettings {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be >= 1, was " + levels);
        }
        if (baseDelay == null || baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException("baseDelay must be a positive duration, was " + baseDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        double longestSeconds = (baseDelay.getSeconds() + baseDelay.getNano() / 1.0e9)
                * Math.pow(multiplier, levels - 1);
        if (!(longestSeconds <= MAX_DELAY_SECONDS)) {
            throw new IllegalArgumentException("the delay of level " + levels + " (baseDelay=" + baseDelay
                    + " × multiplier=" + multiplier + "^" + (levels - 1) + ") is too long to represent");
        }
        if (inMemoryMaxDelay == null || inMemoryMaxDelay.isNegative()) {
            throw new IllegalArgumentException("inMemoryMaxDelay must be a duration >= 0, was " + inMemoryMaxDelay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be >= 1, was " + maxDeliveries);
        }
    }
}
