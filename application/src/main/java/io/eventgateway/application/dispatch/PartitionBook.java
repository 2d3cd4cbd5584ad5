package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dedup.RecentIds;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.offset.OffsetTracker;
import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replica's assigned partitions by lane, and the pause sets their consumers get. A lane consumer learns about
 * pauses and resumes decided elsewhere (memory freed by an ACK, say) the next time it hands over a poll.
 * Single-threaded: the service's lock serialises access.
 */
final class PartitionBook {

    private final Map<SourcePartition, PartitionState> byPartition = new HashMap<>();
    private final Map<Lane, List<PartitionState>> byLane = new EnumMap<>(Lane.class);

    /**
     * Takes over a partition, resuming from its committed position (and the completed offsets its metadata names),
     * or from the first offset polled when nothing was committed. A partition already assigned keeps its state: it
     * knows more than the committed position.
     *
     * @return true when the committed metadata was corrupt and was ignored (those offsets will be redelivered)
     */
    boolean assign(Lane lane, SourcePartition partition, CommittedPosition committed, Instant now,
            RecentIds recentIds) {
        PartitionState existing = byPartition.get(partition);
        if (existing != null) {
            requireLane(existing, lane);
            return false;
        }
        OffsetTracker tracker = null;
        OffsetCommit lastCommit = null;
        boolean corruptMetadata = false;
        if (committed != null) {
            try {
                tracker = OffsetTracker.restore(committed.offset(), committed.metadata());
            } catch (IllegalArgumentException e) {
                tracker = new OffsetTracker(committed.offset());
                corruptMetadata = true;
            }
            lastCommit = new OffsetCommit(committed.offset(), committed.metadata(), 0);
        }
        PartitionState state = new PartitionState(partition, lane, tracker, lastCommit, committed == null ? null : now,
                recentIds);
        byPartition.put(partition, state);
        byLane.computeIfAbsent(lane, ignored -> new ArrayList<>()).add(state);
        return corruptMetadata;
    }

    /** The state of an assigned partition of {@code lane}. */
    PartitionState require(Lane lane, SourcePartition partition) {
        PartitionState state = byPartition.get(partition);
        if (state == null) {
            throw new IllegalStateException(partition + " is not assigned to this replica");
        }
        requireLane(state, lane);
        return state;
    }

    /** The state of an assigned partition, or null. */
    PartitionState find(SourcePartition partition) {
        return byPartition.get(partition);
    }

    List<PartitionState> ofLane(Lane lane) {
        return byLane.getOrDefault(lane, List.of());
    }

    /** Sets or clears {@code reason} on every partition of {@code lane}. */
    void setReason(Lane lane, PauseReason reason, boolean present) {
        for (PartitionState state : ofLane(lane)) {
            state.setReason(reason, present);
        }
    }

    /** The pauses and resumes {@code lane}'s consumer has not been told yet; it is told now. */
    PartitionControl controlFor(Lane lane) {
        Set<SourcePartition> pause = new HashSet<>();
        Set<SourcePartition> resume = new HashSet<>();
        for (PartitionState state : ofLane(lane)) {
            if (state.needsTelling()) {
                (state.isPaused() ? pause : resume).add(state.partition);
            }
        }
        return pause.isEmpty() && resume.isEmpty() ? PartitionControl.NONE : new PartitionControl(pause, resume);
    }

    boolean anyPaused(Lane lane) {
        for (PartitionState state : ofLane(lane)) {
            if (state.isPaused()) {
                return true;
            }
        }
        return false;
    }

    /** The commits due now (see {@link PartitionState#dueCommit}), in partition order. */
    Map<SourcePartition, OffsetCommit> dueCommits(Instant now, Duration idleAfter, int maxMetadataBytes) {
        Map<SourcePartition, OffsetCommit> due = new LinkedHashMap<>();
        for (PartitionState state : sorted()) {
            OffsetCommit commit = state.dueCommit(now, idleAfter, maxMetadataBytes);
            if (commit != null) {
                due.put(state.partition, commit);
            }
        }
        return due;
    }

    /** Records successful commits; positions of partitions not assigned (any more) are ignored. */
    void onCommitted(Map<SourcePartition, OffsetCommit> committed, Instant now) {
        committed.forEach((partition, commit) -> {
            PartitionState state = byPartition.get(partition);
            if (state != null) {
                state.onCommitted(commit, now);
            }
        });
    }

    /** The estimated heap the dedup windows hold, over every partition. */
    long dedupBytes() {
        long bytes = 0;
        for (PartitionState state : byPartition.values()) {
            bytes += state.recentIds == null ? 0 : state.recentIds.bytes();
        }
        return bytes;
    }

    List<SourcePartition> owned() {
        return sorted().stream().map(state -> state.partition).toList();
    }

    Map<SourcePartition, Set<PauseReason>> paused() {
        Map<SourcePartition, Set<PauseReason>> paused = new LinkedHashMap<>();
        for (PartitionState state : sorted()) {
            if (state.isPaused()) {
                paused.put(state.partition, state.reasons());
            }
        }
        return paused;
    }

    private List<PartitionState> sorted() {
        List<PartitionState> states = new ArrayList<>(byPartition.values());
        states.sort(Comparator.comparing((PartitionState state) -> state.partition.topic())
                .thenComparingInt(state -> state.partition.partition()));
        return states;
    }

    private static void requireLane(PartitionState state, Lane lane) {
        if (state.lane != lane) {
            throw new IllegalStateException(state.partition + " belongs to lane " + state.lane + ", not " + lane);
        }
    }
}
