package io.eventgateway.domain.lease;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.task.TaskId;
import java.util.Objects;

/**
 * One task of a lease.
 *
 * @param firstLease true only the first time this table leases the task: count SLO met/missed then, and only then
 */
public record LeasedTask(TaskId taskId, QueuedTask task, boolean firstLease) {

    public LeasedTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(task, "task");
        if (!taskId.source().equals(task.source())) {
            throw new IllegalArgumentException("task id " + taskId.asString() + " does not name " + task.source());
        }
    }
}
