package io.eventgateway.application.dispatch;

import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.util.Objects;

/**
 * A processor's answer for one leased task, as read from the response topic.
 *
 * @param retryAfter a RETRY's hint, or {@code null}
 * @param reason     a FAIL's (or RETRY's) reason, or {@code null}
 */
public record ProcessorResponse(TaskId taskId, Outcome outcome, Duration retryAfter, String reason) {

    /** What the processor says happened. */
    public enum Outcome {
        /** Done. */
        ACK,
        /** Try again later. */
        RETRY,
        /** Permanent failure: the dead-letter queue. */
        FAIL
    }

    public ProcessorResponse {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
