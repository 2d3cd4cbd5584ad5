package io.eventgateway.domain.offset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Offsets of one partition in flight and done, and the position that is safe to commit: the lowest offset that is
 * not done (everything below it is), never the highest processed one. Single-threaded: the caller serialises access.
 *
 * <p>Polled offsets strictly increase; gaps (compacted records, transaction markers) are allowed and count as done,
 * since no record will ever arrive for them. Offsets restored from commit metadata are done on arrival, so a restart
 * skips them.
 *
 * <p><b>Invariants.</b> Every offset below {@code committable} is done or does not exist. {@code committable} never
 * decreases. When {@code committable <= highestPolled}, it is a pending (polled, not done) offset. The pending bits
 * cover only {@code committable..highestPolled}, so memory follows {@link #uncommittedSpan()}, which
 * {@link #shouldPause(long)} bounds. Restored ranges all lie above {@code highestPolled} and {@code committable}.
 */
public final class OffsetTracker {

    private final PendingBits pending = new PendingBits();
    /** Completed before a restart and not yet polled again; sorted, disjoint, not adjacent. */
    private final ArrayDeque<OffsetRange> restored;
    private long highestPolled;
    private long committable;
    private int pendingCount;

    /** A tracker for a partition read from {@code startOffset} (its committed position). */
    public OffsetTracker(long startOffset) {
        this(startOffset, List.of());
    }

    private OffsetTracker(long startOffset, List<OffsetRange> completedAbove) {
        if (startOffset < 0) {
            throw new IllegalArgumentException("startOffset must be >= 0, was " + startOffset);
        }
        this.highestPolled = startOffset - 1;
        this.committable = startOffset;
        this.restored = new ArrayDeque<>(completedAbove);
    }

    /**
     * A tracker resuming from a commit: {@code committed} and the metadata committed with it. Offsets the metadata
     * names as completed are reported {@link PolledOffset#ALREADY_DONE} when they are polled again.
     *
     * @throws IllegalArgumentException if the metadata is this codec's but corrupt; the caller may resume without it
     *                                  (the offsets are then redelivered)
     */
    public static OffsetTracker restore(long committed, String metadata) {
        return new OffsetTracker(committed, OffsetMetadataCodec.decode(committed, metadata));
    }

    /**
     * A record at {@code offset} was polled.
     *
     * @throws IllegalArgumentException if the offset is not above every offset polled before
     */
    public PolledOffset onPolled(long offset) {
        if (offset <= highestPolled) {
            throw new IllegalArgumentException(
                    "offsets must increase: " + offset + " polled after " + highestPolled);
        }
        highestPolled = offset;
        if (isKnownDone(offset)) {
            advanceCommittable();
            return PolledOffset.ALREADY_DONE;
        }
        pending.set(offset);
        pendingCount++;
        advanceCommittable();
        return PolledOffset.TRACKED;
    }

    /**
     * The record at {@code offset} is done. Returns false when it was not pending (already done, a duplicate ACK, or
     * below the committable position).
     *
     * @throws IllegalArgumentException if the offset was never polled
     */
    public boolean markDone(long offset) {
        if (offset > highestPolled) {
            throw new IllegalArgumentException("offset " + offset + " was not polled (highest " + highestPolled + ")");
        }
        if (!pending.get(offset)) {
            return false;
        }
        pending.clear(offset);
        pendingCount--;
        if (pendingCount == 0) {
            pending.reset();
        }
        if (offset == committable) {
            advanceCommittable();
        }
        return true;
    }

    /** The Kafka commit position: every offset below it is done. */
    public long committableOffset() {
        return committable;
    }

    public long highestPolled() {
        return highestPolled;
    }

    /** Offsets from the committable position to the highest polled, inclusive; 0 when everything polled is done. */
    public long uncommittedSpan() {
        return Math.max(0, highestPolled - committable + 1);
    }

    /** True when the partition should stop fetching: one stuck offset must not grow the span without bound. */
    public boolean shouldPause(long maxUncommittedSpan) {
        if (maxUncommittedSpan < 1) {
            throw new IllegalArgumentException("maxUncommittedSpan must be >= 1, was " + maxUncommittedSpan);
        }
        return uncommittedSpan() > maxUncommittedSpan;
    }

    /**
     * Offsets above the committable position known done (including gaps and restored offsets not polled again), as
     * sorted, disjoint, non-adjacent ranges: what commit metadata should carry.
     */
    public List<OffsetRange> completedAboveCommittable() {
        List<OffsetRange> ranges = new ArrayList<>();
        if (committable <= highestPolled) {
            long cursor = committable + 1;
            while (cursor <= highestPolled) {
                long nextPending = pending.nextSet(cursor, highestPolled);
                long runEnd = nextPending < 0 ? highestPolled : nextPending - 1;
                if (runEnd >= cursor) {
                    ranges.add(new OffsetRange(cursor, runEnd));
                }
                if (nextPending < 0) {
                    break;
                }
                cursor = nextPending + 1;
            }
        }
        for (OffsetRange range : restored) {
            int lastIndex = ranges.size() - 1;
            if (lastIndex >= 0 && ranges.get(lastIndex).last() + 1 == range.first()) {
                ranges.set(lastIndex, new OffsetRange(ranges.get(lastIndex).first(), range.last()));
            } else {
                ranges.add(range);
            }
        }
        return ranges;
    }

    /** The position to commit, with metadata naming completed offsets above it within {@code maxMetadataBytes}. */
    public OffsetCommit commit(int maxMetadataBytes) {
        EncodedOffsets encoded = OffsetMetadataCodec.encode(committable, completedAboveCommittable(), maxMetadataBytes);
        return new OffsetCommit(committable, encoded.metadata(), encoded.droppedRanges());
    }

    /** Below the committable position, or restored as done; consumes the restored ranges the poll passed. */
    private boolean isKnownDone(long offset) {
        while (!restored.isEmpty() && restored.peekFirst().last() < offset) {
            restored.pollFirst();
        }
        if (offset < committable) {
            return true;
        }
        OffsetRange first = restored.peekFirst();
        if (first == null || !first.contains(offset)) {
            return false;
        }
        restored.pollFirst();
        if (offset < first.last()) {
            restored.addFirst(new OffsetRange(offset + 1, first.last()));
        }
        return true;
    }

    /**
     * Moves the committable position to the lowest pending offset, or past everything polled when nothing is
     * pending, and over a restored range that starts right there.
     */
    private void advanceCommittable() {
        long next = pendingCount == 0 ? -1 : pending.nextSet(committable, highestPolled);
        if (next >= 0) {
            committable = next;
        } else {
            committable = Math.max(committable, highestPolled + 1);
            OffsetRange first = restored.peekFirst();
            if (first != null && first.first() <= committable) {
                committable = Math.max(committable, first.last() + 1);
                restored.pollFirst();
            }
        }
        pending.dropBelow(committable);
    }
}
