package io.eventgateway.domain.lease;

import io.eventgateway.domain.dispatch.QueuedTask;

/** What to do with a task whose lease expired; {@code deliveries} counts its deliveries that ended by expiry. */
public sealed interface ExpiryDecision {

    QueuedTask task();

    int deliveries();

    /** Back to the deadline queue (via {@code DeadlineQueue.release}) for another delivery. */
    record Requeue(QueuedTask task, int deliveries) implements ExpiryDecision {
    }

    /** {@code maxDeliveries} reached: to the retry path or DLQ instead of looping a poison event. */
    record Escalate(QueuedTask task, int deliveries) implements ExpiryDecision {
    }
}
