package io.eventgateway.sdk.processor;

import java.util.concurrent.atomic.AtomicLong;

/** The runner's live counters; {@link #snapshot()} reads them for callers. */
final class ProcessorCounters {

    final AtomicLong fetched = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    final AtomicLong expiredBeforeStart = new AtomicLong();
    final AtomicLong extensions = new AtomicLong();

    ProcessorStats snapshot() {
        return new ProcessorStats(fetched.get(), acked.get(), retried.get(), failed.get(), released.get(),
                expiredBeforeStart.get(), extensions.get());
    }
}
