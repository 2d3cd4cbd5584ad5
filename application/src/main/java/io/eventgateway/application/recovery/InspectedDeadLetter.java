package io.eventgateway.application.recovery;

import java.util.Objects;

/** A DLQ record as {@code dlq inspect} shows it: the record, and whether a redrive already moved it. */
public record InspectedDeadLetter(DeadLetter letter, boolean redriven) {

    public InspectedDeadLetter {
        Objects.requireNonNull(letter, "letter");
    }
}
