package io.eventgateway.domain.classify;

import java.time.Duration;

/**
 * The range an offload delay is clamped to: at least {@code min}, so shed work does not bounce straight back,
 * and at most {@code max}, so it re-enters well within its SLO.
 */
public record OffloadDelayBounds(Duration min, Duration max) {

    /** One second to five minutes: far inside the 20-minute P10 SLO. */
    public static OffloadDelayBounds defaults() {
        return new OffloadDelayBounds(Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public OffloadDelayBounds {
        if (min == null || min.isNegative()) {
            throw new IllegalArgumentException("min must be a duration >= 0, was " + min);
        }
        if (max == null || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max must be a duration >= min=" + min + ", was " + max);
        }
    }

    public Duration clamp(Duration delay) {
        if (delay.compareTo(min) < 0) {
            return min;
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
