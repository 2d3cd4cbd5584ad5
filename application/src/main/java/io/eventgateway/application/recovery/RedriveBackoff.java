package io.eventgateway.application.recovery;

import java.time.Duration;

/**
 * How long to wait before trying again after the primary refused a batch: {@code initial}, doubled after each
 * further failure in a row, at most {@code max}. A dead primary then costs one attempt per {@code max}, not a
 * tight loop of failing writes.
 */
public record RedriveBackoff(Duration initial, Duration max) {

    public RedriveBackoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial must be a positive duration, was " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be at least initial (" + initial + "), was " + max);
        }
    }

    /** The wait after {@code consecutiveFailures} (>= 1) failures in a row. */
    public Duration after(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be >= 1, was " + consecutiveFailures);
        }
        Duration delay = initial;
        for (int i = 1; i < consecutiveFailures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
