package io.eventgateway.application.recovery;

import java.time.Duration;
import java.util.Objects;

/** What one step of the failed-writes drain did, and so what its loop does next. */
public sealed interface DrainStep {

    /** Nothing was waiting: poll again. */
    record Idle() implements DrainStep {
    }

    /** A batch was redriven and committed; unreadable records in it were counted and committed past. */
    record Drained(int redriven, int unreadable) implements DrainStep {
    }

    /** The primary did not ack the batch: it was rewound, and the loop waits {@code backoff} before the next try. */
    record Failed(String reason, Duration backoff) implements DrainStep {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(backoff, "backoff");
        }
    }
}
