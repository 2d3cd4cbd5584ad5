package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases through the real broker, with a 500 ms TTL (so a 2.5 s total): expiry re-queues, ExtendLease holds a lease up
 * to its total, and answers from an expired delivery are applied by the design's rule (an ACK completes the task, a
 * RETRY is ignored).
 */
class OrchestratorLeaseEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final Duration MAX_LEASE_TOTAL = RunningOrchestrator.LEASE_TTL.multipliedBy(5);

    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;

    @BeforeEach
    void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("lease") + ".";
        OrchestratorTopics.apply(servers, prefix);
        orchestrator = RunningOrchestrator.start(servers, prefix, Map.of());
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
        lanes.write(Lane.P20, 0, LaneRecords.event(Priority.P20, Duration.ofSeconds(30)));
        await().atMost(AWAIT).until(() -> orchestrator.status().lanes().get(Lane.P20).buffered() == 1);
    }

    @AfterEach
    void stop() {
        try {
            processor.close();
            lanes.close();
        } finally {
            orchestrator.close();
        }
    }

    @Test
    void anUnansweredLeaseExpiresAndItsTaskIsLeasedAgainAsTheNextDelivery() {
        FetchNextBatchResponse first = fetchOne(Duration.ZERO);

        FetchNextBatchResponse second = fetchOne(Duration.ofSeconds(10));

        assertThat(sourceOf(second)).isEqualTo(sourceOf(first));
        assertThat(second.getTasks(0).getDelivery()).isEqualTo(2);
        assertThat(orchestrator.status().leases().expired()).isEqualTo(1);
    }

    @Test
    void extendLeaseKeepsALeaseUntilTheMaxLeaseTotalThenItExpires() {
        long leasedAt = System.nanoTime();
        FetchNextBatchResponse first = fetchOne(Duration.ZERO);
        AtomicBoolean capped = new AtomicBoolean();

        await().atMost(AWAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            ExtendLeaseResponse extended = orchestrator.tasks().extendLease(ExtendLeaseRequest.newBuilder()
                    .setLeaseId(first.getLeaseId()).setExtendByMs(RunningOrchestrator.LEASE_TTL.toMillis()).build());
            capped.set(extended.getCapped());
            return extended.getCapped();
        });
        assertThat(capped).isTrue();
        assertThat(orchestrator.status().leases().expired()).isZero();
        assertThat(fetch(Duration.ZERO).getTasksCount()).isZero();

        FetchNextBatchResponse second = fetchOne(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - leasedAt)).isGreaterThanOrEqualTo(MAX_LEASE_TOTAL);
        assertThat(sourceOf(second)).isEqualTo(sourceOf(first));
        assertThat(second.getTasks(0).getDelivery()).isEqualTo(2);
    }

    @Test
    void aLateAckFromAnExpiredDeliveryCompletesTheTask() {
        FetchNextBatchResponse first = fetchOne(Duration.ZERO);
        fetchOne(Duration.ofSeconds(10));

        processor.respond(first.getReplicaIndex(), List.of(first.getTasks(0).getTaskId()), Outcome.ACK);

        await().atMost(AWAIT).until(() -> orchestrator.status().counters().acks() == 1
                && orchestrator.status().leases().inFlight() == 0);
        assertThat(fetch(Duration.ofSeconds(1)).getTasksCount()).isZero();
    }

    @Test
    void aLateRetryFromAnExpiredDeliveryIsIgnored() {
        FetchNextBatchResponse first = fetchOne(Duration.ZERO);
        FetchNextBatchResponse second = fetchOne(Duration.ofSeconds(10));

        processor.respond(first.getReplicaIndex(), List.of(first.getTasks(0).getTaskId()), Outcome.RETRY);

        await().atMost(AWAIT).until(() -> orchestrator.status().counters().lateResponses() == 1);
        assertThat(orchestrator.status().counters().retries()).isZero();
        assertThat(orchestrator.status().leases().inFlight()).isEqualTo(1);
        processor.ack(second);
        await().atMost(AWAIT).until(() -> orchestrator.status().counters().acks() == 1);
    }

    private FetchNextBatchResponse fetchOne(Duration wait) {
        FetchNextBatchResponse batch = fetch(wait);
        assertThat(batch.getTasksList()).hasSize(1);
        return batch;
    }

    private FetchNextBatchResponse fetch(Duration wait) {
        return SimulatedProcessor.fetch(orchestrator, 10, 1L << 20, wait);
    }

    private static String sourceOf(FetchNextBatchResponse batch) {
        return TaskId.parse(batch.getTasks(0).getTaskId()).source().toString();
    }
}
