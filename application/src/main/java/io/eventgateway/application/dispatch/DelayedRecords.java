package io.eventgateway.application.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Held records that are not due yet, by due time. They stay out of the deadline queue, so no fetch can serve a record
 * before its {@code delay_until}; they still count in the memory budget (as DELAYED). Single-threaded: the service's
 * lock serialises access.
 */
final class DelayedRecords {

    /** How a record enters the deadline queue once due. */
    enum Reentry {
        /** A polled record: offered like any arrival, behind its key's earlier tasks. */
        OFFER,
        /**
         * A RETRYed task: handed back to its key's head. Under strict ordering its key stays leased while it waits, so
         * the key's later tasks cannot overtake it.
         */
        RELEASE,
        /**
         * A record waiting for its retry level's due time, or for its {@code delay_until} when that comes first: routed
         * again when due, into the queue, on to a smaller level, or into memory for a short rest.
         */
        ROUTE
    }

    /** One waiting record; {@code sequence} keeps records due at the same instant in arrival order. */
    record Entry(HeldRecord record, Instant due, Reentry reentry, long sequence) {
    }

    private final PriorityQueue<Entry> byDue = new PriorityQueue<>(
            Comparator.comparing(Entry::due).thenComparingLong(Entry::sequence));
    private long sequence;

    void add(HeldRecord record, Instant due, Reentry reentry) {
        byDue.add(new Entry(record, due, reentry, ++sequence));
    }

    /** Removes and returns the records due at {@code now}, earliest first. */
    List<Entry> pollDue(Instant now) {
        List<Entry> due = new ArrayList<>();
        while (!byDue.isEmpty() && !byDue.peek().due().isAfter(now)) {
            due.add(byDue.poll());
        }
        return due;
    }
}
