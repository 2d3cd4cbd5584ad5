package io.eventgateway.bootstrap.loadgen;

import java.util.Objects;
import java.util.Optional;

/**
 * One event the gateway reported stored, as {@code loadgen --record} (and the demo) write it:
 * {@code event_id,priority,acked_at_ms}. The event id may hold commas, so a line splits at its last two.
 */
public record AcceptedEvent(String eventId, String priority, long ackedAtMs) {

    public AcceptedEvent {
        if (eventId == null || eventId.isEmpty() || eventId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("eventId must be non-empty text on one line, was " + eventId);
        }
        Objects.requireNonNull(priority, "priority");
    }

    public String toLine() {
        return eventId + "," + priority + "," + ackedAtMs + "\n";
    }

    /** Empty for a line that is not a complete record. */
    public static Optional<AcceptedEvent> parse(String line) {
        int last = line.lastIndexOf(',');
        int middle = last < 0 ? -1 : line.lastIndexOf(',', last - 1);
        if (middle <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AcceptedEvent(line.substring(0, middle), line.substring(middle + 1, last),
                    Long.parseLong(line.substring(last + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
