package io.eventgateway.application.dispatch;

import java.util.Objects;

/** Where a handed-off record goes. */
public sealed interface HandoffTarget {

    /**
     * The dead-letter topic.
     *
     * @param reason     why, in words: the cause's, or a processor's FAIL reason
     * @param deliveries deliveries of the last attempt from this replica
     * @param attempts   processing attempts the event had, the last one included
     */
    record DeadLetter(DeadLetterCause cause, String reason, int deliveries, int attempts) implements HandoffTarget {
        public DeadLetter {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
            if (deliveries < 0) {
                throw new IllegalArgumentException("deliveries must be >= 0, was " + deliveries);
            }
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
            }
        }
    }

    /** The topic of retry level {@code level}, one step of the timing wheel. */
    record RetryLevel(int level) implements HandoffTarget {
        public RetryLevel {
            if (level < 1) {
                throw new IllegalArgumentException("level must be >= 1, was " + level);
            }
        }
    }

    /** The offload topic, drained by spare capacity. */
    record Offload() implements HandoffTarget {
    }
}
