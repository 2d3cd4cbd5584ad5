package io.eventgateway.application.dispatch;

import io.eventgateway.domain.priority.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The service's running counts; mutable, guarded by the service's lock, snapshotted into the status. */
final class DispatchCounters {

    long acks;
    long retries;
    long fails;
    long lateResponses;
    long duplicates;
    long unknown;
    long deadLettered;
    long corrupt;
    long expired;
    long heldBackExpiries;
    long truncatedCommits;
    long handoffFailures;
    long refusedFetches;
    long corruptCommitMetadata;
    long retriedInMemory;
    long rerouted;
    long escalations;
    long copiesDropped;
    long offloaded;
    long skippedOnRestart;
    long replayedAcks;
    private final Map<Integer, Long> retriedByLevel = new TreeMap<>();
    private final Map<Priority, Long> sloMet = new EnumMap<>(Priority.class);
    private final Map<Priority, Long> sloMissed = new EnumMap<>(Priority.class);

    void onSlo(Priority priority, boolean met) {
        (met ? sloMet : sloMissed).merge(priority, 1L, Long::sum);
    }

    void onRetryLevel(int level) {
        retriedByLevel.merge(level, 1L, Long::sum);
    }

    OrchestratorStatus.Counters snapshot() {
        return new OrchestratorStatus.Counters(acks, retries, fails, lateResponses, duplicates, unknown, sloMet,
                sloMissed, deadLettered, corrupt, heldBackExpiries, truncatedCommits, handoffFailures, refusedFetches,
                corruptCommitMetadata, new OrchestratorStatus.Handoffs(retriedInMemory, retriedByLevel, rerouted,
                        escalations, offloaded), new OrchestratorStatus.Restart(skippedOnRestart, replayedAcks), copiesDropped);
    }
}
