package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lane consumers, processors, a ticker and a committer on their own threads, as in production. */
class DispatchServiceConcurrencyTest {

    private static final int RECORDS_PER_LANE = 3_000;
    private static final List<Lane> LANES = List.of(Lane.P30, Lane.P20, Lane.P10);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentCallersCompleteEveryRecordExactlyOnceAndCommitToTheEnd() throws Exception {
        TestSettings settings = new TestSettings();
        settings.memory = settings.memory.withTotalBytes(400_000);
        settings.maxWaiters = 16;
        DispatchHarness h = new DispatchHarness(settings);
        DispatchService service = h.service;
        Set<SourcePosition> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean finished = new AtomicBoolean();
        Map<SourcePartition, OffsetCommit> committed = new ConcurrentHashMap<>();
        Map<Lane, List<PolledRecord>> logs = new HashMap<>();
        for (Lane lane : LANES) {
            h.assign(lane, 0);
            List<PolledRecord> log = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_LANE; i++) {
                log.add(h.record(lane, 0, event(lane + "-" + i, "t" + (i % 7), "k" + (i % 50),
                        Priority.valueOf(lane.name()), at(60_000), 50)));
            }
            logs.put(lane, log);
        }

        ExecutorService threads = Executors.newFixedThreadPool(LANES.size() + 5);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Lane lane : LANES) {
                running.add(threads.submit(consumer(service, lane, logs.get(lane), finished)));
            }
            for (int p = 0; p < 3; p++) {
                running.add(threads.submit(processor(service, "proc-" + p, acked, finished)));
            }
            running.add(threads.submit(() -> {
                while (!finished.get()) {
                    service.tick();
                    Map<SourcePartition, OffsetCommit> positions = service.commitPositions();
                    committed.putAll(positions);
                    service.onCommitted(positions);
                    if (acked.size() == LANES.size() * RECORDS_PER_LANE) {
                        finished.set(true);
                    }
                }
                return null;
            }));
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        committed.putAll(service.commitPositions());
        for (Lane lane : LANES) {
            assertThat(committed.get(partition(lane, 0)).offset()).isEqualTo(RECORDS_PER_LANE);
        }
        OrchestratorStatus status = service.status();
        assertThat(status.counters().acks()).isEqualTo((long) LANES.size() * RECORDS_PER_LANE);
        assertThat(status.counters().duplicates()).isZero();
        assertThat(status.memory().usedBytes()).isZero();
    }

    /** Polls its log in chunks, skipping the chunk while told to pause, as a Kafka consumer would. */
    private static Callable<Void> consumer(DispatchService service, Lane lane, List<PolledRecord> log,
            AtomicBoolean finished) {
        return () -> {
            Set<SourcePartition> paused = ConcurrentHashMap.newKeySet();
            int next = 0;
            while (!finished.get()) {
                List<PolledRecord> chunk = List.of();
                if (paused.isEmpty() && next < log.size()) {
                    chunk = log.subList(next, Math.min(log.size(), next + 25));
                    next += chunk.size();
                }
                PartitionControl control = service.onPolled(lane, chunk);
                paused.addAll(control.pause());
                paused.removeAll(control.resume());
            }
            return null;
        };
    }

    private static Callable<Void> processor(DispatchService service, String id, Set<SourcePosition> acked,
            AtomicBoolean finished) {
        return () -> {
            while (!finished.get()) {
                LeaseGrant grant = service.fetch(new FetchTasksCommand(id, 10, 100_000, Duration.ofMillis(20), null))
                        .get();
                List<ProcessorResponse> responses = new ArrayList<>();
                for (GrantedTask task : grant.tasks()) {
                    responses.add(DispatchHarness.ackOf(task));
                    acked.add(task.taskId().source());
                }
                service.onResponses(responses, Instant.EPOCH);
            }
            return null;
        };
    }
}
