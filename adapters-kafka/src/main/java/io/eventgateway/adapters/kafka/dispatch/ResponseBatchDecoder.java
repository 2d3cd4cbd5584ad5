package io.eventgateway.adapters.kafka.dispatch;

import com.google.protobuf.InvalidProtocolBufferException;
import io.eventgateway.application.dispatch.ProcessorResponse;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.protocol.v1.TaskResponseBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one response-topic record, an {@code eventgateway.v1.TaskResponseBatch}, into {@link ProcessorResponse}s.
 * A bad response (unparsable task id, no outcome) is left out and named, the others are kept: one processor's bug
 * must not drop the answers batched with it. Stateless.
 */
final class ResponseBatchDecoder {

    /** The responses read, and one line per response left out. */
    record Decoded(List<ProcessorResponse> responses, List<String> problems) {

        Decoded {
            responses = List.copyOf(responses);
            problems = List.copyOf(problems);
        }
    }

    private ResponseBatchDecoder() {
    }

    /** @throws CorruptRecordException when the bytes are not a response batch at all */
    static Decoded decode(byte[] value) {
        if (value == null) {
            throw new CorruptRecordException("a response record cannot have a null value", null);
        }
        TaskResponseBatch batch;
        try {
            batch = TaskResponseBatch.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptRecordException("not a response batch (" + value.length + " bytes): " + e.getMessage(),
                    e);
        }
        if (batch.getResponsesCount() == 0 && value.length > 0) {
            // Bytes that parse to nothing but unknown fields are not a batch a processor wrote.
            throw new CorruptRecordException("not a response batch (" + value.length + " bytes without a response)",
                    null);
        }
        List<ProcessorResponse> responses = new ArrayList<>(batch.getResponsesCount());
        List<String> problems = new ArrayList<>();
        for (TaskResponse wire : batch.getResponsesList()) {
            Optional<ProcessorResponse.Outcome> outcome = outcome(wire);
            if (outcome.isEmpty()) {
                problems.add("response for task '" + wire.getTaskId() + "' has no known outcome ("
                        + wire.getOutcomeValue() + ")");
                continue;
            }
            TaskId taskId;
            try {
                taskId = TaskId.parse(wire.getTaskId());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            responses.add(new ProcessorResponse(taskId, outcome.get(),
                    wire.getRetryAfterMs() > 0 ? Duration.ofMillis(wire.getRetryAfterMs()) : null,
                    wire.getReason().isEmpty() ? null : wire.getReason()));
        }
        return new Decoded(responses, problems);
    }

    /** The one mapping of the wire's outcome onto the application's. */
    private static Optional<ProcessorResponse.Outcome> outcome(TaskResponse wire) {
        return switch (wire.getOutcome()) {
            case ACK -> Optional.of(ProcessorResponse.Outcome.ACK);
            case RETRY -> Optional.of(ProcessorResponse.Outcome.RETRY);
            case FAIL -> Optional.of(ProcessorResponse.Outcome.FAIL);
            case OUTCOME_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
        };
    }
}
