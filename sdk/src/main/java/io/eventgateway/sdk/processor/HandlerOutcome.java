package io.eventgateway.sdk.processor;

import java.time.Duration;
import java.util.Objects;

/** What a handler decided for one event; each maps to one {@code Outcome} of the response topic. */
public sealed interface HandlerOutcome {

    static HandlerOutcome ack() {
        return Ack.INSTANCE;
    }

    /** Try again later; {@code after} is a hint the orchestrator clamps to its retry levels, {@code null} for none. */
    static HandlerOutcome retry(Duration after) {
        return new Retry(after, "");
    }

    /** A permanent failure: the event goes to the dead-letter queue. */
    static HandlerOutcome fail(String reason) {
        return new Fail(reason);
    }

    /** Done. */
    record Ack() implements HandlerOutcome {
        private static final Ack INSTANCE = new Ack();
    }

    /** @param after null when the handler has no opinion on the delay */
    record Retry(Duration after, String reason) implements HandlerOutcome {
        public Retry {
            if (after != null && after.isNegative()) {
                throw new IllegalArgumentException("a retry cannot be due in the past: " + after);
            }
            reason = Objects.requireNonNullElse(reason, "");
        }
    }

    record Fail(String reason) implements HandlerOutcome {
        public Fail {
            reason = Objects.requireNonNullElse(reason, "");
        }
    }
}
