package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.memory.MemoryBudget;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.util.HashMap;
import java.util.Map;

/**
 * Every record the replica holds, by source position, with its bytes counted in the {@link MemoryBudget} under the
 * kind of its stage.
 *
 * <p>Invariants: a record is here exactly from its admission until it is DONE; the budget holds, per lane and kind,
 * the byte sum of the records here in the stages of that kind; {@code counts} is the number of records per lane and
 * stage. Single-threaded: the service's lock serialises access.
 */
final class HeldRecords {

    private final Map<SourcePosition, HeldRecord> bySource = new HashMap<>();
    private final MemoryBudget memory;
    private final int[][] counts = new int[Lane.values().length][HeldStage.values().length];

    HeldRecords(MemoryBudget memory) {
        this.memory = memory;
    }

    /** Starts holding a polled record in {@code stage}; its bytes are {@code task.bytes()}. */
    HeldRecord admit(Lane lane, PartitionState partition, byte[] stored, QueuedTask task, HeldStage stage) {
        HeldRecord record = new HeldRecord(lane, partition, stored, task, stage);
        if (bySource.putIfAbsent(task.source(), record) != null) {
            throw new IllegalStateException("a record from " + task.source() + " is already held");
        }
        memory.add(lane, stage.holdKind(), task.bytes());
        counts[lane.ordinal()][stage.ordinal()]++;
        return record;
    }

    /** The held record at {@code source}; a missing one is a bookkeeping bug, since domain state names it. */
    HeldRecord require(SourcePosition source) {
        HeldRecord record = bySource.get(source);
        if (record == null) {
            throw new IllegalStateException("no record is held from " + source);
        }
        return record;
    }

    /** The held record at {@code source}, or null. */
    HeldRecord find(SourcePosition source) {
        return bySource.get(source);
    }

    /** Moves a record to its next stage, re-labelling its bytes; DONE releases them and forgets the record. */
    void moveTo(HeldRecord record, HeldStage next) {
        HeldStage previous = record.stage;
        record.stage = previous.transitionTo(next);
        counts[record.lane.ordinal()][previous.ordinal()]--;
        long bytes = record.task.bytes();
        if (next == HeldStage.DONE) {
            memory.release(record.lane, previous.holdKind(), bytes);
            bySource.remove(record.task.source());
            return;
        }
        counts[record.lane.ordinal()][next.ordinal()]++;
        if (previous.holdKind() != next.holdKind()) {
            memory.move(record.lane, previous.holdKind(), next.holdKind(), bytes);
        }
    }

    /**
     * Replaces a record's task (a RETRY: attempt + 1, a new ordering deadline). The bytes must not change: the budget
     * counted them at admission.
     */
    void retask(HeldRecord record, QueuedTask task) {
        if (!task.source().equals(record.task.source()) || task.bytes() != record.task.bytes()) {
            throw new IllegalArgumentException("a new task for " + record.task.source() + " must keep its source and "
                    + record.task.bytes() + " bytes");
        }
        record.task = task;
    }

    int count(Lane lane, HeldStage stage) {
        return counts[lane.ordinal()][stage.ordinal()];
    }
}
