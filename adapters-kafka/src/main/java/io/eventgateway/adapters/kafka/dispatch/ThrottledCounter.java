package io.eventgateway.adapters.kafka.dispatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one kind of trouble exactly (for metrics and alerts) and picks which occurrences to log: the 1st, 2nd, 4th,
 * 8th, ... so a flood costs a logarithmic number of lines.
 */
final class ThrottledCounter {

    private final AtomicLong count = new AtomicLong();

    /** Counts one occurrence; true when this one should be logged. */
    boolean countAndShouldLog() {
        long n = count.incrementAndGet();
        return (n & (n - 1)) == 0;
    }

    long count() {
        return count.get();
    }
}
