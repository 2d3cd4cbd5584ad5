package io.eventgateway.application.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recovery role's work on the failed-writes topic, one batch per {@link #drainOnce()}: poll, redrive every
 * readable record to its lane topic on the primary (priority, deadline, ids and attempt unchanged), and commit only
 * once the primary acked all of them. A batch the primary did not take is rewound and tried again after a backoff
 * that grows while the primary stays down. Duplicates after a rewind are accepted (at-least-once); the
 * orchestrator's dedup window catches them, as records keep their partition key.
 *
 * <p>Not thread-safe: one loop drives it.
 */
public final class FailedWritesDrain {

    private final FailedWriteFeed feed;
    private final PacedRedriver redriver;
    private final RecoveryMetrics metrics;
    private final RedriveBackoff backoff;
    private final Duration ackTimeout;
    private int consecutiveFailures;

    public FailedWritesDrain(FailedWriteFeed feed, PacedRedriver redriver, RecoveryMetrics metrics,
            RedriveBackoff backoff, Duration ackTimeout) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.redriver = Objects.requireNonNull(redriver, "redriver");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    public DrainStep drainOnce() throws InterruptedException {
        List<FailedWrite> batch = feed.poll();
        if (batch.isEmpty()) {
            reportPending();
            return new DrainStep.Idle();
        }
        List<RedriveItem> items = new ArrayList<>(batch.size());
        int unreadable = 0;
        for (FailedWrite write : batch) {
            if (write instanceof FailedWrite.Readable readable) {
                items.add(RedriveItem.unmarked(readable.write()));
            } else {
                unreadable++;
            }
        }
        try {
            redriver.redriveAndAwait(items, RedriveSource.FAILED_WRITES, ackTimeout);
            feed.commit(batch);
        } catch (RedriveFailedException e) {
            feed.rewind(batch);
            consecutiveFailures++;
            reportPending();
            return new DrainStep.Failed(e.getMessage(), backoff.after(consecutiveFailures));
        }
        consecutiveFailures = 0;
        for (int i = 0; i < unreadable; i++) {
            metrics.onFailure(RedriveSource.FAILED_WRITES, "unreadable");
        }
        reportPending();
        return new DrainStep.Drained(items.size(), unreadable);
    }

    private void reportPending() {
        feed.pending().ifPresent(pending -> metrics.onPending(RedriveSource.FAILED_WRITES, pending));
    }
}
