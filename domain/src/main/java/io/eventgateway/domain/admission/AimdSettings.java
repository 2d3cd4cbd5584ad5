package io.eventgateway.domain.admission;

import java.time.Duration;

/**
 * Bounds and steps of the P10 admission rate (permits per second). A dynamic setting: see
 * {@link AimdController#updateSettings(AimdSettings)}.
 *
 * @param floor               the least rate, {@code > 0}: P10 always trickles in, so backlog age stays measurable
 * @param ceiling             the most rate, {@code >= floor}
 * @param initial             the rate at start, within {@code [floor, ceiling]}
 * @param additiveStep        added on each increase, {@code > 0}
 * @param decreaseFactor      multiplied on each decrease, in {@code (0, 1)}
 * @param minDecreaseInterval least time between two decreases: a decrease needs time to show in the signals,
 *                            or one congestion episode would cut the rate to the floor
 * @param minIncreaseInterval least time between two increases, and between a decrease and the next increase
 */
public record AimdSettings(
        double floor,
        double ceiling,
        double initial,
        double additiveStep,
        double decreaseFactor,
        Duration minDecreaseInterval,
        Duration minIncreaseInterval) {

    /** 100..20 000 events/s starting at 2 000; +200 per second, halved at most every 5 s. */
    public static AimdSettings defaults() {
        return new AimdSettings(100, 20_000, 2_000, 200, 0.5, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    public AimdSettings {
        if (!(floor > 0.0) || Double.isInfinite(floor)) {
            throw new IllegalArgumentException("floor must be a finite number > 0, was " + floor);
        }
        if (!(ceiling >= floor) || Double.isInfinite(ceiling)) {
            throw new IllegalArgumentException("ceiling must be a finite number >= floor=" + floor + ", was " + ceiling);
        }
        if (!(initial >= floor && initial <= ceiling)) {
            throw new IllegalArgumentException(
                    "initial must be in [floor=" + floor + ", ceiling=" + ceiling + "], was " + initial);
        }
        if (!(additiveStep > 0.0) || Double.isInfinite(additiveStep)) {
            throw new IllegalArgumentException("additiveStep must be a finite number > 0, was " + additiveStep);
        }
        if (!(decreaseFactor > 0.0 && decreaseFactor < 1.0)) {
            throw new IllegalArgumentException("decreaseFactor must be in (0, 1), was " + decreaseFactor);
        }
        requireNotNegative(minDecreaseInterval, "minDecreaseInterval");
        requireNotNegative(minIncreaseInterval, "minIncreaseInterval");
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration >= 0, was " + value);
        }
    }
}
