package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lease expiry waits for the ACK path: while the response consumer is held (a gate in its sink), leases past their
 * TTL are held back rather than expired; once it catches up every ACK is applied and nothing is delivered again.
 */
class OrchestratorResponseStallEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final int TASKS = 3;

    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;
    private ResponseGate gate;

    @BeforeEach
    void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("stall") + ".";
        OrchestratorTopics.apply(servers, prefix);
        orchestrator = RunningOrchestrator.start(servers, prefix, Map.of("test.response-gate", "true"));
        gate = orchestrator.bean(ResponseGate.class);
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
    }

    @AfterEach
    void stop() {
        gate.open();
        try {
            processor.close();
            lanes.close();
        } finally {
            orchestrator.close();
        }
    }

    @Test
    void noLeaseExpiresWhileTheResponsePathLagsAndEveryAckIsAppliedAfterItCatchesUp() {
        for (int i = 0; i < TASKS; i++) {
            lanes.send(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        }
        lanes.flush();
        await().atMost(AWAIT).until(() -> orchestrator.status().lanes().get(Lane.P30).buffered() == TASKS);
        FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 10, 1L << 20, Duration.ZERO);
        gate.close();
        assertThat(batch.getTasksList()).hasSize(TASKS);
        processor.ack(batch);

        await().atMost(AWAIT).until(() -> orchestrator.status().leases().heldBack() > 0);
        // Three TTLs pass with the ACKs unread: still no expiry.
        await().during(RunningOrchestrator.LEASE_TTL.multipliedBy(3)).atMost(AWAIT)
                .until(() -> orchestrator.status().leases().expired() == 0);

        gate.open();

        await().atMost(AWAIT).until(() -> orchestrator.status().counters().acks() == TASKS);
        assertThat(orchestrator.status().leases().expired()).isZero();
        assertThat(SimulatedProcessor.fetch(orchestrator, 10, 1L << 20, Duration.ofSeconds(1)).getTasksCount())
                .isZero();
    }
}
