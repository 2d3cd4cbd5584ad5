package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.dispatch.HandoffHeaders;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every outcome ends in exactly one place, on the shared broker: retries travel through the retry levels and come back
 * no earlier than due, a spent budget and a poison event reach the DLQ with their story in the headers, copies are
 * dropped, and ACKs read from the response topic before a restart are applied by the next run.
 */
class OrchestratorOutcomesEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final long ONE_MIB = 1L << 20;

    private String servers;
    private String prefix;
    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;

    /** Levels of 300 ms, 600 ms and 1.2 s; up to 100 ms in memory; three attempts; two deliveries per attempt. */
    private static Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("eventgateway.orchestrator.retry-base-delay", "300ms");
        settings.put("eventgateway.orchestrator.retry-multiplier", 2.0);
        settings.put("eventgateway.orchestrator.in-memory-retry-delay", "100ms");
        settings.put("eventgateway.orchestrator.max-attempts", 3);
        settings.put("eventgateway.orchestrator.max-deliveries", 2);
        return settings;
    }

    @BeforeEach
    void start() {
        servers = SharedKafkaBroker.bootstrapServers();
        prefix = TestTopics.unique("outcomes") + ".";
        OrchestratorTopics.apply(servers, prefix);
        orchestrator = RunningOrchestrator.start(servers, prefix, settings());
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
    }

    @AfterEach
    void stop() {
        try {
            processor.close();
            lanes.close();
        } finally {
            if (orchestrator != null) {
                orchestrator.close();
            }
        }
    }

    @Test
    void retriesClimbTheLevelsNeverEarlyAndTheRetryThatSpendsTheBudgetGoesToTheDlq() {
        EventRecord event = LaneRecords.event(Priority.P20, Duration.ofMinutes(1));
        lanes.write(Lane.P20, 0, event);
        List<Instant> servedAt = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            LeasedTask task = awaitOneTask();
            servedAt.add(Instant.now());
            processor.respond(0, List.of(task.getTaskId()), Outcome.RETRY);
        }

        ConsumerRecord<byte[], byte[]> deadLetter = readCommitted(new TopicNames(prefix).dlq(), 1).get(0);
        assertThat(LaneRecords.decode(deadLetter.value()).record().eventId()).isEqualTo(event.eventId());
        assertThat(header(deadLetter, HandoffHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(header(deadLetter, HandoffHeaders.REASON)).startsWith("retry budget exhausted");
        assertThat(header(deadLetter, HandoffHeaders.FIRST_FAILED_AT)).isNotBlank();
        // Attempt 1 failed → level 1 (300 ms); attempt 2 failed → level 2 (600 ms).
        assertThat(Duration.between(servedAt.get(0), servedAt.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.between(servedAt.get(1), servedAt.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(orchestrator.status().counters().handoffs().retriedByLevel()).containsEntry(1, 1L)
                .containsEntry(2, 1L);
        await().atMost(AWAIT).until(() -> orchestrator.status().counters().deadLettered() == 1);
    }

    @Test
    void aPoisonEventWhoseLeasesAlwaysExpireReachesTheDlqWhileAThousandOthersFlow() {
        EventRecord poison = LaneRecords.event(Priority.P20, Duration.ofMinutes(1));
        lanes.write(Lane.P20, 0, poison);
        for (int i = 0; i < 1_000; i++) {
            lanes.send(Lane.P20, i % 2, LaneRecords.event(Priority.P20, Duration.ofMinutes(1)));
        }
        lanes.flush();
        Set<String> acked = new HashSet<>();
        await().atMost(AWAIT.multipliedBy(2)).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 200, ONE_MIB, Duration.ofMillis(100));
            List<String> answered = new ArrayList<>();
            for (LeasedTask task : batch.getTasksList()) {
                // The poison event kills its processor: never answered, its lease runs out.
                if (!LaneRecords.decode(task.getStoredRecord().toByteArray()).record().eventId()
                        .equals(poison.eventId())) {
                    answered.add(task.getTaskId());
                    acked.add(task.getTaskId().substring(0, task.getTaskId().lastIndexOf(':')));
                }
            }
            if (!answered.isEmpty()) {
                processor.respond(0, answered, Outcome.ACK);
            }
            return orchestrator.status().counters().deadLettered() == 1 && acked.size() == 1_000;
        });

        ConsumerRecord<byte[], byte[]> deadLetter = readCommitted(new TopicNames(prefix).dlq(), 1).get(0);
        assertThat(LaneRecords.decode(deadLetter.value()).record().eventId()).isEqualTo(poison.eventId());
        assertThat(header(deadLetter, HandoffHeaders.REASON)).startsWith("max deliveries exceeded");
        assertThat(orchestrator.status().counters().handoffs().escalations()).isGreaterThanOrEqualTo(1);
        // stored = acked + dead-lettered, and the commit reaches the end of both partitions.
        await().atMost(AWAIT).until(() -> orchestrator.status().lanes().get(Lane.P20).buffered() == 0
                && orchestrator.status().leases().inFlight() == 0);
    }

    @Test
    void anEventDelayedPastTheInMemoryWaitRidesTheRetryLevelsAndIsServedNoEarlierThanDue() {
        Instant due = Instant.now().plusSeconds(2);
        lanes.write(Lane.P20, 0, LaneRecords.event(Priority.P20, Duration.ofMinutes(1)).withDelayUntil(due));

        LeasedTask task = awaitOneTask();
        Instant servedAt = Instant.now();

        assertThat(servedAt).isAfterOrEqualTo(due);
        // One level's granularity (the largest, 1.2 s) plus scheduling slack.
        assertThat(Duration.between(due, servedAt)).isLessThan(Duration.ofMillis(1_200 + 1_000));
        assertThat(orchestrator.status().counters().handoffs().rerouted()).isGreaterThanOrEqualTo(1);
        processor.respond(0, List.of(task.getTaskId()), Outcome.ACK);
    }

    @Test
    void theSameEventPublishedTwiceIsServedOnce() {
        EventRecord event = LaneRecords.event(Priority.P20, Duration.ofMinutes(1));
        lanes.write(Lane.P20, 0, event);
        lanes.write(Lane.P20, 0, event);
        await().atMost(AWAIT).until(() -> orchestrator.status().counters().copiesDropped() == 1);

        FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ofMillis(200));

        assertThat(batch.getTasksList()).hasSize(1);
    }

    @Test
    void acksWrittenWhileTheReplicaWasDownAreAppliedByTheNextRunInsteadOfServingTheWorkAgain() {
        List<EventRecord> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(LaneRecords.event(Priority.P20, Duration.ofMinutes(1)));
            lanes.write(Lane.P20, 0, events.get(i));
        }
        List<String> taskIds = new ArrayList<>();
        await().atMost(AWAIT).until(() -> {
            SimulatedProcessor.fetch(orchestrator, 6, ONE_MIB, Duration.ofMillis(100)).getTasksList()
                    .forEach(task -> taskIds.add(task.getTaskId()));
            return taskIds.size() == 6;
        });
        orchestrator.close();
        orchestrator = null;
        // The processor finishes four of them while the replica is down, out of order.
        List<String> done = List.of(taskIds.get(5), taskIds.get(1), taskIds.get(3), taskIds.get(0));
        processor.respond(0, done, Outcome.ACK);

        orchestrator = RunningOrchestrator.start(servers, prefix, settings());

        Set<Long> servedAgain = new HashSet<>();
        await().atMost(AWAIT).until(() -> {
            SimulatedProcessor.fetch(orchestrator, 10, ONE_MIB, Duration.ofMillis(100)).getTasksList()
                    .forEach(task -> servedAgain.add(TaskId.parse(task.getTaskId()).offset()));
            return servedAgain.size() >= 2;
        });
        assertThat(servedAgain).containsExactlyInAnyOrder(TaskId.parse(taskIds.get(2)).offset(),
                TaskId.parse(taskIds.get(4)).offset());
        assertThat(orchestrator.status().counters().restart().replayedAcks()
                + orchestrator.status().counters().restart().skippedOffsets()).isGreaterThanOrEqualTo(4);
    }

    private LeasedTask awaitOneTask() {
        List<LeasedTask> found = new ArrayList<>();
        await().atMost(AWAIT).until(() -> {
            found.addAll(SimulatedProcessor.fetch(orchestrator, 1, ONE_MIB, Duration.ofMillis(100)).getTasksList());
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(AWAIT).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(found::add);
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
