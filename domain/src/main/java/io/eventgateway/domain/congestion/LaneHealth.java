package io.eventgateway.domain.congestion;

import java.time.Duration;

/**
 * A snapshot of a replica's P10 lane, the input of {@link CongestionDetector}.
 *
 * @param oldestAge how long the oldest buffered P10 task has waited since ingest ({@link Duration#ZERO} when
 *                  nothing is buffered)
 * @param pollDelay how far the lane consumer is behind: the age of the records it is polling now
 * @param pausedFor how long the lane has been paused without interruption ({@link Duration#ZERO} when running)
 */
public record LaneHealth(Duration oldestAge, Duration pollDelay, Duration pausedFor) {

    public LaneHealth {
        requireNotNegative(oldestAge, "oldestAge");
        requireNotNegative(pollDelay, "pollDelay");
        requireNotNegative(pausedFor, "pausedFor");
    }

    /** A lane with nothing waiting, no lag and no pause. */
    public static LaneHealth idle() {
        return new LaneHealth(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration >= 0, was " + value);
        }
    }
}
