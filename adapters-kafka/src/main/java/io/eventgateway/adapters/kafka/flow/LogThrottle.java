package io.eventgateway.adapters.kafka.flow;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts occurrences of one kind of trouble and picks which to log: the 1st, 2nd, 4th, 8th, ... A flood of
 * them then costs a logarithmic number of lines, while the count (for metrics) stays exact.
 */
final class LogThrottle {

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
