package io.eventgateway.application.recovery;

import java.time.Instant;
import java.util.Objects;

/**
 * Says that a record on a lane topic is a redrive and of what, so a processor or an operator can tell it from a
 * fresh event.
 *
 * @param from where the record was redriven from, e.g. {@code eg.dlq/2/417}
 * @param at   when the redrive was made
 */
public record RedriveMark(String from, Instant at) {

    public RedriveMark {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from must not be blank");
        }
        Objects.requireNonNull(at, "at");
    }
}
