package io.eventgateway.application.dispatch;

import io.eventgateway.domain.task.TaskId;
import java.util.Objects;

/** One leased task as a processor receives it: its id (to echo in the response) and its encoded StoredRecord. */
public record GrantedTask(TaskId taskId, byte[] storedRecord) {

    public GrantedTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(storedRecord, "storedRecord");
    }
}
