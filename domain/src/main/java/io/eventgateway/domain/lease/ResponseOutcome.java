package io.eventgateway.domain.lease;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.task.TaskId;

/** What a processor's response did to the {@link LeaseTable}; the caller acts on it and counts it. */
public sealed interface ResponseOutcome {

    /**
     * An ACK completed the task: mark its offset done.
     *
     * @param inQueue true when the task had gone back to the deadline queue (its lease expired or was released): the
     *                caller removes it there
     */
    record Completed(QueuedTask task, boolean inQueue) implements ResponseOutcome {
    }

    /**
     * A RETRY from the current delivery: hand the task to the retry policy.
     *
     * @param expiredDeliveries deliveries of the task that ended by lease expiry
     */
    record Retrying(QueuedTask task, int expiredDeliveries) implements ResponseOutcome {
    }

    /** A FAIL from the current delivery: send the task to the DLQ. */
    record Failed(QueuedTask task) implements ResponseOutcome {
    }

    /** A RETRY or FAIL from a delivery that is not the current one: counted and ignored. */
    record Late(TaskId taskId) implements ResponseOutcome {
    }

    /** A response for a task this table resolved recently: counted and ignored. */
    record Duplicate(TaskId taskId) implements ResponseOutcome {
    }

    /** A response this table cannot place (another replica, another run, long resolved): counted and ignored. */
    record Unknown(TaskId taskId) implements ResponseOutcome {
    }
}
