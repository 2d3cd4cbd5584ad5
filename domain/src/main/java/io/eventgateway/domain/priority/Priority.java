package io.eventgateway.domain.priority;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgent an event is. The label is a hint: the deadline derived from it (see {@link SloPolicy}) is what
 * orders work. Declared from most to least urgent, so {@link #ordinal()} order is urgency order.
 */
public enum Priority {
    /** Interactive triggers: processor start within seconds. */
    P30,
    /** Near-real-time work: within a minute. */
    P20,
    /** Bulk and background work: within twenty minutes; the one lane that is admission-controlled. */
    P10;

    /** Parses {@code P10|P20|P30} (case-insensitive); empty for anything else. */
    public static Optional<Priority> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "P30" -> Optional.of(P30);
            case "P20" -> Optional.of(P20);
            case "P10" -> Optional.of(P10);
            default -> Optional.empty();
        };
    }

    /** True when this priority is more urgent than {@code other}. */
    public boolean isMoreUrgentThan(Priority other) {
        return ordinal() < other.ordinal();
    }
}
