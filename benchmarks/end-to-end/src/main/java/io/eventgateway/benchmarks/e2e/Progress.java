package io.eventgateway.benchmarks.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Waiting for a counter in a benchmark: polls every millisecond, gives up loudly after a bound. */
final class Progress {

    private Progress() {
    }

    static void awaitCount(AtomicLong counter, long target, Duration atMost)
            throws InterruptedException, TimeoutException {
        awaitCount(counter::get, target, atMost);
    }

    static void awaitCount(LongSupplier counter, long target, Duration atMost)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (counter.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("reached " + counter.getAsLong() + " of " + target + " within " + atMost);
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
