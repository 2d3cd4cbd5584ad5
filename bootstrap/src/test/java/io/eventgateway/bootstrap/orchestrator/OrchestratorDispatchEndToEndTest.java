package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator role end to end on the shared broker: records written to lane topics are leased over gRPC in
 * deadline order, answered on the response topic, and committed without passing unfinished work. Each test has its
 * own topics and replica.
 */
class OrchestratorDispatchEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final long ONE_MIB = 1L << 20;

    private String servers;
    private String prefix;
    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;

    @BeforeEach
    void start() {
        servers = SharedKafkaBroker.bootstrapServers();
        prefix = TestTopics.unique("orch") + ".";
        OrchestratorTopics.apply(servers, prefix);
        orchestrator = RunningOrchestrator.start(servers, prefix, Map.of());
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
    void aP10EventDueSoonerIsLeasedBeforeAP30EventDueLater() {
        lanes.write(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(4)));
        lanes.write(Lane.P10, 0, LaneRecords.event(Priority.P10, Duration.ofSeconds(2)));
        awaitBuffered(Lane.P30, 1);
        awaitBuffered(Lane.P10, 1);

        FetchNextBatchResponse first = SimulatedProcessor.fetch(orchestrator, 1, ONE_MIB, Duration.ZERO);

        assertThat(first.getTasksList()).hasSize(1);
        assertThat(taskId(first.getTasks(0)).topic()).isEqualTo(lanes.topic(Lane.P10));
    }

    @Test
    void aLongPollOnAnEmptyBufferReturnsWhenAnEventArrivesWellBeforeItsWait() throws Exception {
        Duration wait = Duration.ofSeconds(25);
        long started = System.nanoTime();
        var pending = orchestrator.tasksAsync().fetchNextBatch(SimulatedProcessor.request(10, ONE_MIB, wait));
        await().atMost(AWAIT).until(() -> orchestrator.status().leases().waitingFetches() == 1);

        lanes.write(Lane.P20, 1, LaneRecords.event(Priority.P20, Duration.ofSeconds(30)));
        FetchNextBatchResponse batch = pending.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(batch.getTasksList()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(wait.dividedBy(2));
    }

    @Test
    void aTwoMebibyteEventIsLeasedAloneWhenABatchMayHoldOneMebibyte() {
        Instant now = Instant.now();
        lanes.write(Lane.P20, 0, LaneRecords.event(Priority.P20, now, now.plusSeconds(10), 2 * (int) ONE_MIB));
        lanes.write(Lane.P20, 0, LaneRecords.event(Priority.P20, now, now.plusSeconds(20), 100));
        awaitBuffered(Lane.P20, 2);

        FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ZERO);

        assertThat(batch.getTasksList()).hasSize(1);
        assertThat(LaneRecords.decode(batch.getTasks(0).getStoredRecord().toByteArray()).record().payload().size())
                .isEqualTo(2 * (int) ONE_MIB);
    }

    @Test
    void underOverloadFreshP30IsServedAheadOfLongOverdueP10WithinTheOverdueShare() {
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            lanes.send(Lane.P10, i % 2, LaneRecords.event(Priority.P10, now.minus(Duration.ofMinutes(30)),
                    now.minus(Duration.ofMinutes(10)), 64));
        }
        lanes.flush();
        awaitBuffered(Lane.P10, 40);
        // More fresh P30 than one batch holds, so on-time work is still waiting when the batch is full.
        for (int i = 0; i < 20; i++) {
            lanes.send(Lane.P30, i % 2, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        }
        lanes.flush();
        awaitBuffered(Lane.P30, 20);

        FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ZERO);

        List<String> topics = batch.getTasksList().stream().map(task -> taskId(task).topic()).toList();
        assertThat(topics).hasSize(10);
        // 10 % of a batch of 10: at most one overdue task while on-time ones wait.
        assertThat(topics).filteredOn(lanes.topic(Lane.P10)::equals).hasSizeLessThanOrEqualTo(1);
        long p30Served = topics.stream().filter(lanes.topic(Lane.P30)::equals).count();
        assertThat(orchestrator.status().counters().sloMet().get(Priority.P30)).isEqualTo(p30Served);
    }

    @Test
    void theCommittedOffsetOnTheBrokerNeverPassesAnUnackedOffset() throws Exception {
        List<SourcePosition> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(lanes.write(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5))));
        }
        awaitBuffered(Lane.P30, 5);
        FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ZERO);
        assertThat(batch.getTasksList()).hasSize(5);
        long held = written.get(2).offset();
        List<String> allButOne = batch.getTasksList().stream().map(LeasedTask::getTaskId)
                .filter(id -> TaskId.parse(id).offset() != held).toList();
        List<String> theOne = batch.getTasksList().stream().map(LeasedTask::getTaskId)
                .filter(id -> TaskId.parse(id).offset() == held).toList();
        TopicPartition partition = new TopicPartition(lanes.topic(Lane.P30), 0);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            processor.respond(batch.getReplicaIndex(), allButOne, Outcome.ACK);
            await().atMost(AWAIT).until(() -> orchestrator.status().counters().acks() == 4);
            // Several commit intervals pass with the other four done: the position stays at the un-acked offset.
            await().during(Duration.ofMillis(500)).atMost(AWAIT)
                    .until(() -> committed(admin, partition) == held);

            processor.respond(batch.getReplicaIndex(), theOne, Outcome.ACK);
            await().atMost(AWAIT).until(() -> committed(admin, partition) == written.get(4).offset() + 1);
        }
    }

    @Test
    void meteringCountsLeasesSloAndResponsesTaggedWithTheReplica() {
        lanes.write(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        awaitBuffered(Lane.P30, 1);
        MeterRegistry registry = orchestrator.bean(MeterRegistry.class);

        processor.ack(SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ZERO));

        await().atMost(AWAIT).until(() -> registry.find("eg.dispatch.responses").tags("kind", "ACK", "replica", "0")
                .counters().stream().mapToDouble(Counter::count).sum() == 1);
        assertThat(registry.get("eg.dispatch.slo").tags("priority", "P30", "result", "met").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("eg.dispatch.fetch.batch.size").summary().totalAmount()).isEqualTo(1);
        assertThat(registry.get("eg.dispatch.buffer.bytes").tags("lane", "p30", "role", "orchestrator").gauge()
                .value()).isZero();
        assertThat(registry.get("eg.dispatch.consumer.paused").tags("lane", "p10").gauge().value()).isZero();
    }

    @Test
    void statusIsServedAsSnakeCaseJson() throws Exception {
        lanes.write(Lane.P30, 0, LaneRecords.event(Priority.P30, Duration.ofSeconds(5)));
        awaitBuffered(Lane.P30, 1);

        HttpResponse<String> response = orchestrator.get("/v1/status");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = new ObjectMapper().readTree(response.body());
        assertThat(status.at("/replica/index").asInt()).isZero();
        assertThat(status.at("/replica/replicas").asInt()).isEqualTo(1);
        assertThat(status.at("/replica/owned_partitions")).hasSize(OrchestratorTopics.PARTITIONS
                * (4 + OrchestratorTopics.RETRY_LEVELS));
        for (Lane lane : Lane.values()) {
            JsonNode laneStatus = status.at("/lanes/" + lane.shortName());
            assertThat(laneStatus.fieldNames()).toIterable()
                    .containsExactly("buffered", "bytes", "paused", "oldest_age_ms", "poll_delay_ms", "lag");
        }
        assertThat(status.at("/lanes/p30/buffered").asLong()).isEqualTo(1);
        assertThat(status.at("/leases/in_flight").asInt()).isZero();
        assertThat(status.at("/leases/expired").asLong()).isZero();
        assertThat(status.at("/counters/acks").asLong()).isZero();
        assertThat(status.at("/counters/late_responses").asLong()).isZero();
        assertThat(status.at("/counters/slo_met").fieldNames()).toIterable().containsExactly("P30", "P20", "P10");
        assertThat(status.at("/counters/slo_missed").fieldNames()).toIterable().containsExactly("P30", "P20", "P10");
    }

    private void awaitBuffered(Lane lane, long count) {
        await().atMost(AWAIT).until(() -> lane(orchestrator.status(), lane).buffered() == count);
    }

    private static OrchestratorStatus.LaneStatus lane(OrchestratorStatus status, Lane lane) {
        return status.lanes().get(lane);
    }

    private static TaskId taskId(LeasedTask task) {
        return TaskId.parse(task.getTaskId());
    }

    /** The orchestrators' committed offset of {@code partition} as the broker has it; -1 when none. */
    private long committed(Admin admin, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                RunningOrchestrator.groupId(prefix)).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        OffsetAndMetadata committed = offsets.get(partition);
        return committed == null ? -1 : committed.offset();
    }
}
