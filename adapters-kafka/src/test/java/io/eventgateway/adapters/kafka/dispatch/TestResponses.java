package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.Outcome;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.protocol.v1.TaskResponseBatch;
import java.util.List;

/** Response batches as a processor would publish them. */
final class TestResponses {

    private TestResponses() {
    }

    static TaskResponse ack(TaskId taskId) {
        return TaskResponse.newBuilder().setTaskId(taskId.asString()).setOutcome(Outcome.ACK)
                .setProcessorId("proc-1").build();
    }

    static TaskResponse retry(TaskId taskId, long retryAfterMs, String reason) {
        return TaskResponse.newBuilder().setTaskId(taskId.asString()).setOutcome(Outcome.RETRY)
                .setRetryAfterMs(retryAfterMs).setReason(reason).setProcessorId("proc-1").build();
    }

    static TaskResponse fail(TaskId taskId, String reason) {
        return TaskResponse.newBuilder().setTaskId(taskId.asString()).setOutcome(Outcome.FAIL).setReason(reason)
                .setProcessorId("proc-1").build();
    }

    static byte[] batch(List<TaskResponse> responses) {
        return TaskResponseBatch.newBuilder().addAllResponses(responses).build().toByteArray();
    }

    static byte[] batch(TaskResponse response) {
        return batch(List.of(response));
    }
}
