package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Replicas in one JVM: two of them split the partitions ({@code p mod 2}) and each response reaches the replica that
 * leased the task; a second process with the same index fences the first, which stops; a clean stop commits last.
 */
class OrchestratorReplicasEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final int PER_PARTITION = 10;

    @Test
    void twoReplicasServeDisjointPartitionsAndEachResponseReachesTheReplicaThatLeased() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("replicas") + ".";
        OrchestratorTopics.apply(servers, prefix);
        try (RunningOrchestrator zero = RunningOrchestrator.start(servers, prefix, 0, 2, Map.of());
                RunningOrchestrator one = RunningOrchestrator.start(servers, prefix, 1, 2, Map.of());
                LaneRecords lanes = new LaneRecords(servers, prefix);
                SimulatedProcessor processor = new SimulatedProcessor(servers, prefix)) {
            for (int partition = 0; partition < 2; partition++) {
                for (int i = 0; i < PER_PARTITION; i++) {
                    lanes.send(Lane.P20, partition, LaneRecords.event(Priority.P20, Duration.ofSeconds(30)));
                }
            }
            lanes.flush();

            List<TaskId> servedByZero = drain(zero, processor);
            List<TaskId> servedByOne = drain(one, processor);

            assertThat(servedByZero).hasSize(PER_PARTITION).allSatisfy(id -> {
                assertThat(id.partition()).isZero();
                assertThat(id.replicaIndex()).isZero();
            });
            assertThat(servedByOne).hasSize(PER_PARTITION).allSatisfy(id -> {
                assertThat(id.partition()).isEqualTo(1);
                assertThat(id.replicaIndex()).isEqualTo(1);
            });
            assertThat(zero.status().replica().ownedPartitions()).allSatisfy(p -> assertThat(p.partition()).isZero());
            assertThat(one.status().replica().ownedPartitions()).extracting(SourcePartition::partition)
                    .containsOnly(1);
            for (RunningOrchestrator replica : List.of(zero, one)) {
                assertThat(replica.status().counters().unknown()).isZero();
                assertThat(replica.status().counters().lateResponses()).isZero();
            }
        }
    }

    @Test
    void aSecondProcessWithTheSameIndexFencesTheFirstWhichStops() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("fence") + ".";
        OrchestratorTopics.apply(servers, prefix);
        try (RunningOrchestrator first = RunningOrchestrator.start(servers, prefix, Map.of())) {
            try (RunningOrchestrator second = RunningOrchestrator.start(servers, prefix, Map.of())) {

                await().atMost(AWAIT).until(() -> !first.isRunning());

                assertThat(second.isRunning()).isTrue();
            }
        }
    }

    @Test
    void aCleanShutdownCommitsTheAckedPositionsBeforeTheConsumersClose() throws Exception {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("shutdown") + ".";
        OrchestratorTopics.apply(servers, prefix);
        TopicPartition partition;
        try (LaneRecords lanes = new LaneRecords(servers, prefix);
                SimulatedProcessor processor = new SimulatedProcessor(servers, prefix)) {
            partition = new TopicPartition(lanes.topic(Lane.P20), 0);
            for (int i = 0; i < PER_PARTITION; i++) {
                lanes.send(Lane.P20, 0, LaneRecords.event(Priority.P20, Duration.ofSeconds(30)));
            }
            lanes.flush();
            // No periodic commit within the test: only the one on shutdown can store the positions.
            try (RunningOrchestrator replica = RunningOrchestrator.start(servers, prefix, Map.of(
                    "eventgateway.orchestrator.commit-interval", "1h"))) {
                drain(replica, processor);
            }
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(RunningOrchestrator.groupId(prefix))
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
            assertThat(committed).isNotNull();
            assertThat(committed.offset()).isEqualTo(PER_PARTITION);
        }
    }

    /** Leases and ACKs everything the replica has, answering on the partition each batch names. */
    private static List<TaskId> drain(RunningOrchestrator replica, SimulatedProcessor processor) {
        List<TaskId> served = new ArrayList<>();
        await().atMost(AWAIT).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(replica, 100, 1L << 20, Duration.ofMillis(200));
            if (batch.getTasksCount() > 0) {
                batch.getTasksList().stream().map(LeasedTask::getTaskId).map(TaskId::parse).forEach(served::add);
                processor.ack(batch);
            }
            return replica.status().counters().acks() == PER_PARTITION;
        });
        return served;
    }
}
