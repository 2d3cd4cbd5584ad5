package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.priority.Lane;
import java.time.Instant;

/**
 * One polled record the replica holds until its offset is done: the bytes as polled (handed to processors unchanged)
 * and the task that orders it. Mutable, owned by {@link HeldRecords} under the service's lock.
 */
final class HeldRecord {

    final Lane lane;
    final PartitionState partition;
    /**
     * The encoded stored record as polled, handed to processors as it is; re-encoded only when a retry held in memory
     * raises its attempt, so the processor sees the attempt it is on. Its length may then differ by a byte or two from
     * what the budget counted, which is immaterial beside the per-event estimate.
     */
    byte[] stored;
    /** The task as the queue and lease table know it; a RETRY replaces it (attempt + 1, new ordering deadline). */
    QueuedTask task;
    HeldStage stage;
    /** When this replica first leased the record; SLO met/missed is counted then and only then. */
    Instant firstLeasedAt;
    /** When the event's first attempt failed, here or before a retry topic; null while none has. */
    Instant firstFailedAt;

    HeldRecord(Lane lane, PartitionState partition, byte[] stored, QueuedTask task, HeldStage stage) {
        this.lane = lane;
        this.partition = partition;
        this.stored = stored;
        this.task = task;
        this.stage = stage;
    }

    long offset() {
        return task.source().offset();
    }
}
