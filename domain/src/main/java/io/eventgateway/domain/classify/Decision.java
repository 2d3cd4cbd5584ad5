package io.eventgateway.domain.classify;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.Objects;

/**
 * What the publisher does with one valid event: write it to its lane, or shed it to offload. Refusing invalid input
 * is the validator's job, done before classification, so a decision never rejects.
 */
public sealed interface Decision permits Decision.Admit, Decision.Offload {

    /** Write to the lane of {@code priority}. */
    record Admit(Priority priority, Lane lane) implements Decision {
        public Admit {
            Objects.requireNonNull(priority, "priority");
            if (lane != Lane.of(priority)) {
                throw new IllegalArgumentException(
                        "lane of an admitted " + priority + " event must be " + Lane.of(priority) + ", was " + lane);
            }
        }
    }

    /**
     * Write to the offload lane, keeping {@code priority}; the event is not dropped. {@code delay} is a hint of
     * when capacity is expected back (its {@code delay_until}); {@code why} is for logs and metrics.
     */
    record Offload(Priority priority, Duration delay, String why) implements Decision {
        public Offload {
            Objects.requireNonNull(priority, "priority");
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must be a duration >= 0, was " + delay);
            }
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("why must not be blank");
            }
        }

        public Lane lane() {
            return Lane.OFFLOAD;
        }
    }
}
