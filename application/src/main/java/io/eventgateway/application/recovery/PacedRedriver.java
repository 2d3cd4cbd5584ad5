package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.priority.Lane;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts records back on their lane topics at the pace the {@link RedrivePacer} allows, and says whether the primary
 * acked all of them. Every recovery path (failed writes, S3 spool, DLQ) goes through it, so they share one rate
 * limit and one obedience to P10 congestion per process.
 */
public final class PacedRedriver {

    private final RedriveWriter writer;
    private final RedrivePacer pacer;
    private final Pause pause;
    private final RecoveryMetrics metrics;
    private final Clock clock;

    public PacedRedriver(RedriveWriter writer, RedrivePacer pacer, Pause pause, RecoveryMetrics metrics,
            Clock clock) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes every item, paced, and waits until each write is acked or failed, at most {@code ackTimeout} after the
     * last one was handed over.
     *
     * @throws RedriveFailedException naming how many of the items the primary did not ack, and why
     */
    public void redriveAndAwait(List<RedriveItem> items, RedriveSource source, Duration ackTimeout)
            throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[items.size()];
        for (int i = 0; i < items.size(); i++) {
            RedriveItem item = items.get(i);
            Lane lane = item.write().lane();
            waitTurn(lane);
            acks[i] = write(item).whenComplete((location, failure) -> {
                if (failure == null) {
                    metrics.onRedriven(source, lane);
                } else {
                    failed.incrementAndGet();
                    metrics.onFailure(source, "write_failed");
                }
            });
        }
        try {
            CompletableFuture.allOf(acks).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RedriveFailedException(failed.get() + " of " + items.size() + " records were not acked by the"
                    + " primary: " + rootMessage(e), e.getCause());
        } catch (TimeoutException e) {
            throw new RedriveFailedException("the primary did not ack " + items.size() + " records within "
                    + ackTimeout, e);
        }
    }

    private CompletableFuture<StoredLocation> write(RedriveItem item) {
        try {
            return writer.write(item);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void waitTurn(Lane lane) throws InterruptedException {
        Duration delay = pacer.delayFor(lane, clock.instant());
        while (!delay.isZero()) {
            pause.pause(delay);
            delay = pacer.delayFor(lane, clock.instant());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
