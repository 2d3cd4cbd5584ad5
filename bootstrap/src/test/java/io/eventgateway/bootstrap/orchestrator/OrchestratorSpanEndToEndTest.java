package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.application.dispatch.PauseReason;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One un-acked offset holds a partition's commit back: once (highest polled − committed) passes the max uncommitted
 * span the partition stops being read, so what the replica tracks stays bounded; the ACK lets it go on.
 */
class OrchestratorSpanEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final int SPAN = 20;
    private static final int MAX_POLL_RECORDS = 5;
    private static final int RECORDS = 100;

    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;

    @BeforeEach
    void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("span") + ".";
        OrchestratorTopics.apply(servers, prefix);
        orchestrator = RunningOrchestrator.start(servers, prefix, Map.of(
                "eventgateway.orchestrator.max-uncommitted-span", SPAN,
                "eventgateway.orchestrator.lease-ttl", "30s",
                "eventgateway.orchestrator.max-poll-records.p30", MAX_POLL_RECORDS));
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
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
    void anUnackedOffsetPausesItsPartitionAtTheMaxUncommittedSpanAndTheTrackerStaysBounded() {
        SourcePosition first = lanes.write(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        for (int i = 1; i < RECORDS; i++) {
            lanes.send(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        }
        lanes.flush();
        SourcePartition partition = new SourcePartition(first.topic(), first.partition());
        AtomicReference<String> held = new AtomicReference<>();

        // Everything leased is ACKed except the first record, until the partition stops being read.
        await().atMost(AWAIT).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 100, 1L << 20,
                    Duration.ofMillis(100));
            List<String> others = batch.getTasksList().stream().map(LeasedTask::getTaskId)
                    .filter(id -> TaskId.parse(id).offset() != first.offset() || !held.compareAndSet(null, id))
                    .toList();
            if (!others.isEmpty()) {
                processor.respond(batch.getReplicaIndex(), others, Outcome.ACK);
            }
            return pausedForSpan(orchestrator.status(), partition);
        });
        await().during(Duration.ofMillis(500)).atMost(AWAIT).until(() -> {
            OrchestratorStatus status = orchestrator.status();
            return pausedForSpan(status, partition) && tracked(status) <= SPAN + MAX_POLL_RECORDS + 1;
        });
        assertThat(orchestrator.status().counters().acks()).isLessThan(RECORDS - 1);

        processor.respond(0, List.of(held.get()), Outcome.ACK);
        await().atMost(AWAIT).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 100, 1L << 20,
                    Duration.ofMillis(100));
            if (batch.getTasksCount() > 0) {
                processor.ack(batch);
            }
            return orchestrator.status().counters().acks() == RECORDS;
        });
    }

    private static boolean pausedForSpan(OrchestratorStatus status, SourcePartition partition) {
        return status.pausedPartitions().getOrDefault(partition, Set.of()).contains(PauseReason.SPAN);
    }

    /** Records polled and not done: acked ones are done, the rest are buffered or leased. */
    private static long tracked(OrchestratorStatus status) {
        return status.lanes().get(Lane.P30).buffered() + status.leases().inFlight();
    }
}
