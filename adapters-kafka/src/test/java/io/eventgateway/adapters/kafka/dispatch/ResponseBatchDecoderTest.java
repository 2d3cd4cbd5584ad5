package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.application.dispatch.ProcessorResponse;
import io.eventgateway.application.dispatch.ProcessorResponse.Outcome;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.TaskResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseBatchDecoderTest {

    private static final TaskId TASK = new TaskId(1, "eg.p30", 3, 42, 2);

    @Test
    void anAckCarriesNeitherRetryAfterNorReason() {
        ResponseBatchDecoder.Decoded decoded = ResponseBatchDecoder.decode(TestResponses.batch(TestResponses.ack(TASK)));

        assertThat(decoded.responses()).containsExactly(new ProcessorResponse(TASK, Outcome.ACK, null, null));
        assertThat(decoded.problems()).isEmpty();
    }

    @Test
    void aRetryKeepsItsHintAndReason() {
        ResponseBatchDecoder.Decoded decoded = ResponseBatchDecoder.decode(
                TestResponses.batch(TestResponses.retry(TASK, 1500, "busy")));

        assertThat(decoded.responses()).containsExactly(
                new ProcessorResponse(TASK, Outcome.RETRY, Duration.ofMillis(1500), "busy"));
    }

    @Test
    void aFailKeepsItsReason() {
        ResponseBatchDecoder.Decoded decoded = ResponseBatchDecoder.decode(
                TestResponses.batch(TestResponses.fail(TASK, "schema mismatch")));

        assertThat(decoded.responses()).containsExactly(
                new ProcessorResponse(TASK, Outcome.FAIL, null, "schema mismatch"));
    }

    @Test
    void aResponseWithAnUnparsableTaskIdIsLeftOutAndTheOthersAreKept() {
        TaskResponse bad = TaskResponse.newBuilder().setTaskId("not-a-task-id")
                .setOutcome(io.eventgateway.protocol.v1.Outcome.ACK).build();

        ResponseBatchDecoder.Decoded decoded = ResponseBatchDecoder.decode(
                TestResponses.batch(List.of(bad, TestResponses.ack(TASK))));

        assertThat(decoded.responses()).extracting(ProcessorResponse::taskId).containsExactly(TASK);
        assertThat(decoded.problems()).singleElement().asString().contains("not-a-task-id");
    }

    @Test
    void aResponseWithoutAnOutcomeIsLeftOut() {
        TaskResponse noOutcome = TaskResponse.newBuilder().setTaskId(TASK.asString()).build();

        ResponseBatchDecoder.Decoded decoded = ResponseBatchDecoder.decode(TestResponses.batch(noOutcome));

        assertThat(decoded.responses()).isEmpty();
        assertThat(decoded.problems()).singleElement().asString().contains("no known outcome");
    }

    @Test
    void bytesThatAreNotProtobufAreACorruptRecord() {
        assertThatThrownBy(() -> ResponseBatchDecoder.decode("garbage!".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void bytesThatParseToNoResponseAreACorruptRecord() {
        // Field 15 as a varint: valid protobuf, but nothing a processor writes.
        assertThatThrownBy(() -> ResponseBatchDecoder.decode(new byte[] {(byte) 0x78, 0x01}))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("without a response");
    }

    @Test
    void aNullValueIsACorruptRecord() {
        assertThatThrownBy(() -> ResponseBatchDecoder.decode(null)).isInstanceOf(CorruptRecordException.class);
    }
}
