package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorRunnerBuilderTest {

    private static ProcessorRunner.Builder complete() {
        return ProcessorRunner.builder().target("127.0.0.1:1").usePlaintext().handler(event -> HandlerOutcome.ack())
                .responsePublisher(new RecordingPublisher()).processorId("p");
    }

    @Test
    void aRunnerNeedsAnOrchestrator() {
        assertThatThrownBy(() -> ProcessorRunner.builder().handler(event -> HandlerOutcome.ack())
                .responsePublisher(new RecordingPublisher()).processorId("p").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunnerNeedsAProcessorId() {
        assertThatThrownBy(() -> complete().processorId(" ").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunnerNeedsOneSlotPerOrchestratorToPollWith() {
        assertThatThrownBy(() -> complete().target("127.0.0.1:2").concurrency(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orchestrators");
    }

    @Test
    void aRunnerTakesEitherAResponseTopicOrAPublisherNotBoth() {
        assertThatThrownBy(() -> complete().responseTopic("127.0.0.1:9092", "eg.").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNegativeDedupWindowIsRejected() {
        assertThatThrownBy(() -> complete().dedupWindow(-1).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchHandlerNeedsABatchOfAtLeastOneEvent() {
        assertThatThrownBy(() -> complete().batchHandler(events -> List.of(), 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
    }
}
