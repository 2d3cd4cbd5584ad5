package io.eventgateway.domain.retry;

import java.time.Duration;

/** Where a failed attempt goes next. */
public sealed interface RetryDecision
        permits RetryDecision.HoldInMemory, RetryDecision.ToRetryTopic, RetryDecision.ToDeadLetter {

    /** Keep the task in memory and serve it again after {@code delay}. */
    record HoldInMemory(Duration delay) implements RetryDecision {
        public HoldInMemory {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must be a duration >= 0, was " + delay);
            }
        }
    }

    /**
     * Write the task to the topic of {@code level}, due after {@code delay} (its {@code delay_until}); the level's
     * own delay is at most {@code delay}, and a record that comes back before it is due is routed again.
     */
    record ToRetryTopic(int level, Duration delay) implements RetryDecision {
        public ToRetryTopic {
            if (level < 1) {
                throw new IllegalArgumentException("level must be >= 1, was " + level);
            }
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delay must be a positive duration, was " + delay);
            }
        }
    }

    /** The retry budget is spent: write the task to the dead-letter topic. */
    record ToDeadLetter(String reason) implements RetryDecision {
        public ToDeadLetter {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
    }
}
