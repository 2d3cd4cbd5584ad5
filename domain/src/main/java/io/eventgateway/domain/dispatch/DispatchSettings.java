package io.eventgateway.domain.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link DeadlineQueue} orders and bounds work.
 *
 * @param fairnessWindow     tasks due within this much of the earliest ready one are served round-robin across
 *                           tenants, then keys
 * @param overdueShare       the most of a batch that overdue tasks get while on-time tasks wait, in {@code [0, 1]}
 * @param strictKeyOrdering  at most one leased task per key, in offset order
 * @param maxTasks           the most tasks the queue holds; the memory budget pauses lanes well before this
 */
public record DispatchSettings(Duration fairnessWindow, double overdueShare, boolean strictKeyOrdering, int maxTasks) {

    public static final Duration DEFAULT_FAIRNESS_WINDOW = Duration.ofMillis(100);
    public static final double DEFAULT_OVERDUE_SHARE = 0.10;
    public static final int DEFAULT_MAX_TASKS = 1_000_000;

    public DispatchSettings {
        Objects.requireNonNull(fairnessWindow, "fairnessWindow");
        if (fairnessWindow.isNegative()) {
            throw new IllegalArgumentException("fairnessWindow must be >= 0, was " + fairnessWindow);
        }
        if (!(overdueShare >= 0.0 && overdueShare <= 1.0)) {
            throw new IllegalArgumentException("overdueShare must be within [0, 1], was " + overdueShare);
        }
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
        }
    }

    /** 100 ms window, 10 % overdue share, any order within a key, one million tasks. */
    public static DispatchSettings defaults() {
        return new DispatchSettings(DEFAULT_FAIRNESS_WINDOW, DEFAULT_OVERDUE_SHARE, false, DEFAULT_MAX_TASKS);
    }

    public DispatchSettings withStrictKeyOrdering(boolean strict) {
        return new DispatchSettings(fairnessWindow, overdueShare, strict, maxTasks);
    }

    public DispatchSettings withMaxTasks(int newMaxTasks) {
        return new DispatchSettings(fairnessWindow, overdueShare, strictKeyOrdering, newMaxTasks);
    }
}
