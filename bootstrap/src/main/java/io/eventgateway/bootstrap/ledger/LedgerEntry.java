package io.eventgateway.bootstrap.ledger;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One handler invocation as the ledger records it, one line each:
 * {@code processed_at_ms,priority,attempt,delivery,ingested_at_ms,deadline_ms,outcome,event_id}. The event id goes
 * last because it is the only free text: it may hold commas (never a line break: ingest refuses control
 * characters), so a line splits into eight fields at the first seven commas.
 *
 * @param processedAtMs when the handler started on the event: the SLO's "processor start"
 * @param attempt       deliveries of the event that ended without an ACK before this one (from the stored record)
 * @param delivery      1 for the first lease of this stored record
 */
public record LedgerEntry(long processedAtMs, String priority, int attempt, int delivery, long ingestedAtMs,
        long deadlineMs, LedgerOutcome outcome, String eventId) {

    /** The first line of a ledger file, so a reader of the file knows its columns; readers skip lines with '#'. */
    public static final String HEADER =
            "# processed_at_ms,priority,attempt,delivery,ingested_at_ms,deadline_ms,outcome,event_id";

    private static final Set<String> PRIORITIES = Set.of("P10", "P20", "P30");
    private static final int FIELDS = 8;

    public LedgerEntry {
        if (!PRIORITIES.contains(priority)) {
            throw new IllegalArgumentException("priority must be P10, P20 or P30, was " + priority);
        }
        if (attempt < 0 || delivery < 0) {
            throw new IllegalArgumentException("attempt and delivery must be >= 0, were " + attempt + ", " + delivery);
        }
        Objects.requireNonNull(outcome, "outcome");
        if (eventId == null || eventId.isEmpty() || eventId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("eventId must be non-empty text on one line, was " + eventId);
        }
    }

    public String toLine() {
        return processedAtMs + "," + priority + "," + attempt + "," + delivery + "," + ingestedAtMs + ","
                + deadlineMs + "," + outcome + "," + eventId + "\n";
    }

    /** Empty for a line that is not a complete entry (a torn write, a comment, garbage). */
    public static Optional<LedgerEntry> parse(String line) {
        String[] fields = line.split(",", FIELDS);
        if (fields.length != FIELDS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LedgerEntry(Long.parseLong(fields[0]), fields[1], Integer.parseInt(fields[2]),
                    Integer.parseInt(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5]),
                    LedgerOutcome.valueOf(fields[6]), fields[7]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Started after the deadline promised at ingest. */
    public boolean late() {
        return processedAtMs > deadlineMs;
    }

    public long latencyMs() {
        return Math.max(0, processedAtMs - ingestedAtMs);
    }
}
