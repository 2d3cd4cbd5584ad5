package io.eventgateway.domain.dispatch;

/** What {@link DeadlineQueue#offer(QueuedTask)} did with a task. */
public enum OfferResult {
    /** The task is in the queue. */
    QUEUED,
    /**
     * Strict ordering only: the task's key is parked (its head went to a retry topic), so the task was not queued and
     * the caller must send it to the retry topic behind the key's earlier tasks.
     */
    FOLLOW_PARKED
}
