package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dedup.RecentIds;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.offset.OffsetTracker;
import io.eventgateway.domain.offset.PolledOffset;
import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * One assigned partition: its offset tracker, why it is paused, what its consumer was last told, and its last
 * successful commit. Mutable, owned by {@link PartitionBook} under the service's lock.
 *
 * <p>Invariant: the consumer was told to pause exactly when {@code consumerPaused}; it should be paused exactly when
 * {@code reasons} is not empty, and {@link PartitionBook#controlFor(Lane)} closes the difference.
 */
final class PartitionState {

    final SourcePartition partition;
    final Lane lane;
    /** Null until the first poll when nothing was ever committed: the first offset read is not known before. */
    private OffsetTracker tracker;
    private final EnumSet<PauseReason> reasons = EnumSet.noneOf(PauseReason.class);
    private boolean consumerPaused;
    private OffsetCommit lastCommitted;
    private Instant lastCommittedAt;
    /** Records of this (retry) partition waiting for their level's due time; the partition is paused while any do. */
    private int levelWaits;
    /**
     * Offsets not polled yet that an ACK read from the response topic already completed: replayed after a restart,
     * the ACK came before the record. Bounded by the caller.
     */
    private final Set<Long> ackedAhead = new HashSet<>();
    /** Event ids seen lately, to drop copies; null when this partition does not dedup (a retry topic). */
    final RecentIds recentIds;

    PartitionState(SourcePartition partition, Lane lane, OffsetTracker tracker, OffsetCommit committed,
            Instant committedAt, RecentIds recentIds) {
        this.partition = partition;
        this.lane = lane;
        this.recentIds = recentIds;
        this.tracker = tracker;
        this.lastCommitted = committed;
        this.lastCommittedAt = committedAt;
    }

    /** False for an offset at or below one polled before: the consumer re-read it after a seek, and it is tracked. */
    boolean isNew(long offset) {
        return tracker == null || offset > tracker.highestPolled();
    }

    PolledOffset onPolled(long offset) {
        if (tracker == null) {
            tracker = new OffsetTracker(offset);
        }
        return tracker.onPolled(offset);
    }

    void markDone(long offset) {
        if (tracker == null || !tracker.markDone(offset)) {
            throw new IllegalStateException("offset " + offset + " of " + partition + " was not pending");
        }
    }

    /** The lowest offset not done, when a polled one is pending; -1 otherwise. */
    long oldestPending() {
        return tracker != null && tracker.committableOffset() <= tracker.highestPolled()
                ? tracker.committableOffset() : -1;
    }

    boolean spanExceeds(long maxUncommittedSpan) {
        return tracker != null && tracker.shouldPause(maxUncommittedSpan);
    }

    /** Remembers an ACK for an offset not polled yet; false when {@code limit} offsets are remembered already. */
    boolean rememberAckedAhead(long offset, int limit) {
        if (ackedAhead.size() >= limit) {
            return false;
        }
        return ackedAhead.add(offset);
    }

    /** True (once) when an ACK already completed this offset before it was polled. */
    boolean takeAckedAhead(long offset) {
        return !ackedAhead.isEmpty() && ackedAhead.remove(offset);
    }

    int ackedAheadCount() {
        return ackedAhead.size();
    }

    void onLevelWait() {
        levelWaits++;
        setReason(PauseReason.NOT_DUE, true);
    }

    void onLevelWaitOver() {
        if (levelWaits <= 0) {
            throw new IllegalStateException("no record of " + partition + " waits for its level");
        }
        levelWaits--;
        setReason(PauseReason.NOT_DUE, levelWaits > 0);
    }

    /** Adds or removes {@code reason}. */
    void setReason(PauseReason reason, boolean present) {
        if (present) {
            reasons.add(reason);
        } else {
            reasons.remove(reason);
        }
    }

    Set<PauseReason> reasons() {
        return Set.copyOf(reasons);
    }

    boolean isPaused() {
        return !reasons.isEmpty();
    }

    /** True when the consumer must be told to pause (or resume) to match the reasons; records that it is told. */
    boolean needsTelling() {
        if (consumerPaused == isPaused()) {
            return false;
        }
        consumerPaused = isPaused();
        return true;
    }

    /**
     * What to commit now: the tracker's position when it differs from the last commit, or the same again once
     * {@code idleAfter} has passed since it, so the group's offset does not expire. Null when nothing is due.
     */
    OffsetCommit dueCommit(Instant now, Duration idleAfter, int maxMetadataBytes) {
        if (tracker == null) {
            return null;
        }
        OffsetCommit current = tracker.commit(maxMetadataBytes);
        boolean changed = lastCommitted == null || current.offset() != lastCommitted.offset()
                || !current.metadata().equals(lastCommitted.metadata());
        boolean idleDue = lastCommittedAt == null || !now.isBefore(lastCommittedAt.plus(idleAfter));
        return changed || idleDue ? current : null;
    }

    void onCommitted(OffsetCommit commit, Instant now) {
        lastCommitted = commit;
        lastCommittedAt = now;
    }
}
