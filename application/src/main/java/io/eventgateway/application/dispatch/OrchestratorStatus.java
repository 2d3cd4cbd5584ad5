package io.eventgateway.application.dispatch;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A snapshot of one orchestrator replica, for the dashboard, health and gauges. */
public record OrchestratorStatus(Replica replica, Map<Lane, LaneStatus> lanes, Leases leases, Memory memory,
        Map<SourcePartition, Set<PauseReason>> pausedPartitions, Counters counters) {

    public OrchestratorStatus {
        Objects.requireNonNull(replica, "replica");
        lanes = Map.copyOf(lanes);
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(memory, "memory");
        pausedPartitions = Map.copyOf(pausedPartitions);
        Objects.requireNonNull(counters, "counters");
    }

    /** Index {@code index} of {@code replicas}, and the lane partitions it was assigned. */
    public record Replica(int index, int replicas, List<SourcePartition> ownedPartitions) {
        public Replica {
            ownedPartitions = List.copyOf(ownedPartitions);
        }
    }

    /**
     * One lane.
     *
     * @param buffered    records waiting in memory (queued or delayed), not leased
     * @param bytes       bytes the lane holds in memory: buffered, delayed, leased, and being handed off
     * @param paused      the lane's memory threshold is reached or any of its partitions is paused
     * @param oldestAgeMs age since ingest of the oldest unfinished record (the one holding a partition's commit back)
     * @param pollDelayMs age of the newest record of the last poll; 0 after an empty poll with nothing paused
     * @param lag         records not yet polled, as the lane consumer last reported
     */
    public record LaneStatus(long buffered, long bytes, boolean paused, long oldestAgeMs, long pollDelayMs, long lag) {
    }

    /**
     * Leases.
     *
     * @param inFlight       tasks leased now
     * @param activeLeases   leases with a task not yet answered
     * @param expired        deliveries that ended by expiry, since start
     * @param heldBack       leases past their expiry that wait because responses are not read that far (an alert)
     * @param waitingFetches fetches waiting for work
     */
    public record Leases(int inFlight, int activeLeases, long expired, int heldBack, int waitingFetches) {
    }

    /**
     * Bytes held against the budget, and beside it the dedup windows' estimate: bounded by
     * {@code dedupMaxEntries} per partition, and kept out of the lanes' budget because a drained lane must fall back
     * to zero, or its pause threshold would hold it paused with nothing to serve.
     *
     * @param peakUsedBytes the most {@code usedBytes} has been since start
     */
    public record Memory(long usedBytes, long peakUsedBytes, long budgetBytes, long dedupBytes) {
    }

    /**
     * Counts since start.
     *
     * @param heldBackExpiries expiry passes that held back a lease because the response consumer lags
     * @param refusedFetches   fetches answered empty at once because {@code maxWaiters} fetches were already waiting
     * @param corruptCommitMetadata assignments whose committed metadata would not decode; those offsets are redelivered
     */
    public record Counters(long acks, long retries, long fails, long lateResponses, long duplicates, long unknown,
            Map<Priority, Long> sloMet, Map<Priority, Long> sloMissed, long deadLettered, long corrupt,
            long heldBackExpiries, long truncatedCommits, long handoffFailures, long refusedFetches,
            long corruptCommitMetadata, Handoffs handoffs, Restart restart, long copiesDropped) {

        public Counters {
            sloMet = complete(sloMet, "sloMet");
            sloMissed = complete(sloMissed, "sloMissed");
            Objects.requireNonNull(handoffs, "handoffs");
            Objects.requireNonNull(restart, "restart");
        }

        private static Map<Priority, Long> complete(Map<Priority, Long> counts, String name) {
            Objects.requireNonNull(counts, name);
            EnumMap<Priority, Long> copy = new EnumMap<>(Priority.class);
            for (Priority priority : Priority.values()) {
                copy.put(priority, counts.getOrDefault(priority, 0L));
            }
            return Map.copyOf(copy);
        }
    }

    /**
     * Where failed attempts went: back into memory, to a retry level (by level), on to a smaller level when a record
     * came back early, how many lease expiries past {@code maxDeliveries} counted as a failed attempt, and P10 tasks
     * moved to offload under deadline pressure.
     */
    public record Handoffs(long retriedInMemory, Map<Integer, Long> retriedByLevel, long rerouted, long escalations,
            long offloaded) {
        public Handoffs {
            retriedByLevel = Map.copyOf(retriedByLevel);
        }
    }

    /**
     * What a restart saved: polled offsets skipped because the commit metadata or a replayed ACK named them done, and
     * ACKs from an earlier run applied from the response topic.
     */
    public record Restart(long skippedOffsets, long replayedAcks) {
    }
}
