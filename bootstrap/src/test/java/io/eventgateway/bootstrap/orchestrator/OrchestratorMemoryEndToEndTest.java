package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.application.dispatch.PauseReason;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A flood with no processor against a 1 MB budget: lanes pause in threshold order (P10 20 %, offload 30 %, P20 50 %,
 * retry 70 %, P30 80 %), bytes held never pass the budget plus one poll batch, and a processor then drains every
 * record with nothing lost.
 */
class OrchestratorMemoryEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final long BUDGET = 1_000_000;
    private static final int MAX_POLL_RECORDS = 16;
    private static final int FETCH_MAX_BYTES = 16 * 1024;
    private static final int PAYLOAD = 1_000;
    private static final int PER_LANE = 400;
    /** Generous per-record bytes held (encoded record plus the event kept without its payload). */
    private static final long ONE_POLL_BATCH = MAX_POLL_RECORDS * 2L * (PAYLOAD + 1_000);
    private static final List<Lane> PAUSE_ORDER = List.of(Lane.P10, Lane.OFFLOAD, Lane.P20, Lane.RETRY, Lane.P30);

    private String prefix;
    private RunningOrchestrator orchestrator;
    private LaneRecords lanes;
    private SimulatedProcessor processor;
    private ScheduledExecutorService sampler;
    private final AtomicLong mostBytesHeld = new AtomicLong();

    @BeforeEach
    void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        prefix = TestTopics.unique("flood") + ".";
        OrchestratorTopics.apply(servers, prefix);
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("eventgateway.orchestrator.memory-budget-bytes", BUDGET);
        for (Lane lane : Lane.values()) {
            overrides.put("eventgateway.orchestrator.max-poll-records." + lane.shortName(), MAX_POLL_RECORDS);
            overrides.put("eventgateway.orchestrator.fetch-max-bytes." + lane.shortName(), FETCH_MAX_BYTES);
        }
        orchestrator = RunningOrchestrator.start(servers, prefix, overrides);
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> mostBytesHeld.accumulateAndGet(
                orchestrator.status().memory().usedBytes(), Math::max), 0, 2, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        sampler.shutdownNow();
        try {
            processor.close();
            lanes.close();
        } finally {
            orchestrator.close();
        }
    }

    private boolean pausedFor(OrchestratorStatus status, Lane lane, PauseReason reason) {
        return status.pausedPartitions().entrySet().stream()
                .anyMatch(paused -> belongsTo(paused.getKey().topic(), lane) && paused.getValue().contains(reason));
    }

    private boolean belongsTo(String topic, Lane lane) {
        return lane == Lane.RETRY ? topic.startsWith(prefix + "retry.")
                : topic.equals(lanes.topic(lane));
    }

    @Test
    void lanesPauseInThresholdOrderWithinTheBudgetAndADrainLosesNothing() {
        for (int step = 0; step < PAUSE_ORDER.size(); step++) {
            Lane lane = PAUSE_ORDER.get(step);
            flood(lane);
            // Offload is drained by spare capacity: with fresh work waiting it is not even read, so it pauses as BUSY.
            PauseReason reason = lane == Lane.OFFLOAD ? PauseReason.BUSY : PauseReason.MEMORY;
            await().atMost(AWAIT).until(() -> pausedFor(orchestrator.status(), lane, reason));
            OrchestratorStatus status = orchestrator.status();
            for (Lane later : PAUSE_ORDER.subList(step + 1, PAUSE_ORDER.size())) {
                assertThat(pausedFor(status, later, PauseReason.MEMORY)).as("%s paused after %s", later, lane).isFalse();
            }
        }
        assertThat(mostBytesHeld.get()).isLessThanOrEqualTo(BUDGET + ONE_POLL_BATCH);
        // The figure the issue asks for: peak bytes held against the budget.
        LoggerFactory.getLogger("io.eventgateway.report").warn("memory flood: peak {} bytes held, budget {} bytes"
                + " (+ one poll batch {} allowed)", mostBytesHeld.get(), BUDGET, ONE_POLL_BATCH);

        Set<String> served = ConcurrentHashMap.newKeySet();
        int total = PER_LANE * PAUSE_ORDER.size();
        await().atMost(AWAIT.multipliedBy(2)).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, 500, 4L << 20,
                    Duration.ofMillis(200));
            if (batch.getTasksCount() > 0) {
                batch.getTasksList().stream().map(LeasedTask::getTaskId)
                        .map(id -> TaskId.parse(id).source().toString()).forEach(served::add);
                processor.ack(batch);
            }
            return orchestrator.status().counters().acks() == total;
        });

        assertThat(served).hasSize(total);
        assertThat(mostBytesHeld.get()).isLessThanOrEqualTo(BUDGET + ONE_POLL_BATCH);
        assertThat(orchestrator.status().leases().expired()).isZero();
    }

    private void flood(Lane lane) {
        Priority priority = switch (lane) {
            case P30 -> Priority.P30;
            case P20 -> Priority.P20;
            case P10, OFFLOAD, RETRY -> Priority.P10;
        };
        Instant now = Instant.now();
        for (int i = 0; i < PER_LANE; i++) {
            lanes.send(lane, i % OrchestratorTopics.PARTITIONS,
                    LaneRecords.event(priority, now, now.plus(Duration.ofMinutes(20)), PAYLOAD));
        }
        lanes.flush();
    }
}
