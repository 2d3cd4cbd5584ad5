package io.eventgateway.application.recovery;

import io.eventgateway.domain.task.SourcePosition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code dlq redrive}: moves matching DLQ records back to their lane topics with the attempt count reset and a
 * redrive mark, in batches. A batch's DLQ positions are marked only after the primary acked the batch, so an
 * interrupted run resumes where it stopped (a batch cut short is moved again: duplicated, never lost), and a
 * filtered run marks only what it moved. The DLQ records themselves stay: the DLQ is an audit log.
 */
public final class DlqRedriveService {

    private final DeadLetterSource source;
    private final RedriveMarkers markers;
    private final PacedRedriver redriver;
    private final Clock clock;
    private final int batchSize;
    private final Duration ackTimeout;

    public DlqRedriveService(DeadLetterSource source, RedriveMarkers markers, PacedRedriver redriver, Clock clock,
            int batchSize, Duration ackTimeout) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.markers = Objects.requireNonNull(markers, "markers");
        this.redriver = Objects.requireNonNull(redriver, "redriver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    /** @throws RedriveFailedException when the primary did not ack a batch or its markers were not stored */
    public DlqRedriveReport redrive(DlqRedriveCommand command) throws InterruptedException {
        Set<SourcePosition> marked = new HashSet<>(markers.load());
        Tally tally = new Tally();
        List<DeadLetter> batch = new ArrayList<>(batchSize);
        DlqScan scan = source.scan(command.filter().from(), letter -> {
            if (!command.filter().matches(letter)) {
                return true;
            }
            tally.matched++;
            if (marked.contains(letter.position())) {
                tally.alreadyRedriven++;
                return true;
            }
            tally.selected++;
            if (!command.dryRun()) {
                batch.add(letter);
                if (batch.size() == batchSize) {
                    move(batch, tally);
                }
            }
            return command.limit() == 0 || tally.selected < command.limit();
        });
        if (!command.dryRun()) {
            move(batch, tally);
        }
        return new DlqRedriveReport(scan.scanned(), scan.unreadable(), tally.matched, tally.alreadyRedriven,
                command.dryRun() ? tally.selected : tally.moved, command.dryRun());
    }

    private void move(List<DeadLetter> batch, Tally tally) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<RedriveItem> items = new ArrayList<>(batch.size());
        for (DeadLetter letter : batch) {
            items.add(letter.toRedrive(clock.instant()));
        }
        try {
            redriver.redriveAndAwait(items, RedriveSource.DLQ, ackTimeout);
        } catch (RedriveFailedException e) {
            throw new RedriveFailedException("moved " + tally.moved + " records before a batch of " + batch.size()
                    + " failed: " + e.getMessage() + "; run the same redrive again to resume", e);
        }
        CompletableFuture<?>[] stored = new CompletableFuture<?>[items.size()];
        for (int i = 0; i < items.size(); i++) {
            stored[i] = markers.mark(batch.get(i).position(), items.get(i).mark().orElseThrow());
        }
        try {
            CompletableFuture.allOf(stored).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedriveFailedException("moved a batch of " + batch.size() + " records but could not store all"
                    + " their redrive markers; a re-run moves those again (duplicates, nothing lost)", e);
        }
        tally.moved += batch.size();
        batch.clear();
    }

    /** Counts of one run, updated from the scan's visitor. */
    private static final class Tally {
        long matched;
        long alreadyRedriven;
        long selected;
        long moved;
    }
}
