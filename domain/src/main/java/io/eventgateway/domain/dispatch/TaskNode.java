package io.eventgateway.domain.dispatch;

import java.time.Instant;

/**
 * The one object the queue allocates per task: the task, its key group, and the intrusive links of the structures it
 * sits in (a heap slot, and the FIFO links under strict ordering), so no structure needs a wrapper per element.
 */
final class TaskNode {

    /** Where a queued node is, which decides which structures hold it. */
    enum Readiness {
        /** Strict ordering: behind its key's head (or the key is leased); in no heap. */
        WAITING,
        /** Leasable and not yet past its deadline; found through its key group. */
        ON_TIME,
        /** Leasable and past its deadline: in the overdue heap of its priority. */
        OVERDUE
    }

    final QueuedTask task;
    final KeyGroup key;
    /** Offer order: breaks deadline ties first-come first-served. */
    final long sequence;

    Readiness readiness = Readiness.WAITING;
    /** Position in the one {@link NodeHeap} that holds the node, or -1. */
    int heapIndex = -1;
    TaskNode previous;
    TaskNode next;

    TaskNode(QueuedTask task, KeyGroup key, long sequence) {
        this.task = task;
        this.key = key;
        this.sequence = sequence;
    }

    Instant deadline() {
        return task.orderingDeadline();
    }

    /** Earlier deadline first, then offer order. */
    boolean isBefore(TaskNode other) {
        int byDeadline = deadline().compareTo(other.deadline());
        return byDeadline < 0 || (byDeadline == 0 && sequence < other.sequence);
    }
}
