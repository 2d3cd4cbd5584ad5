package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Lease throughput through the real broker, for the lead to quote, never asserted: a backlog of small records on
 * the three priority lanes is leased over gRPC and ACKed through the response topic by a few processors. Runs only
 * with {@code -Deg.throughput=true} (records: {@code -Deg.throughput.records}, default 100 000), and prints one line.
 */
@EnabledIfSystemProperty(named = "eg.throughput", matches = "true")
class OrchestratorThroughputTest {

    private static final int PROCESSORS = 4;
    private static final int BATCH = 500;
    private static final int PAYLOAD = 200;

    @Test
    void measureLeaseThroughput() throws Exception {
        int records = Integer.getInteger("eg.throughput.records", 100_000);
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("throughput") + ".";
        OrchestratorTopics.apply(servers, prefix);
        try (LaneRecords lanes = new LaneRecords(servers, prefix)) {
            Instant now = Instant.now();
            Lane[] fresh = {Lane.P30, Lane.P20, Lane.P10};
            Priority[] priorities = {Priority.P30, Priority.P20, Priority.P10};
            for (int i = 0; i < records; i++) {
                int lane = i % 3;
                lanes.send(fresh[lane], (i / 3) % OrchestratorTopics.PARTITIONS, LaneRecords.event(priorities[lane],
                        now, now.plus(Duration.ofMinutes(20)), PAYLOAD));
            }
            lanes.flush();
        }
        try (RunningOrchestrator orchestrator = RunningOrchestrator.start(servers, prefix, Map.of(
                "eventgateway.orchestrator.lease-ttl", "30s",
                "eventgateway.orchestrator.memory-budget-bytes", 256L << 20))) {
            ExecutorService pool = Executors.newFixedThreadPool(PROCESSORS);
            long started = System.nanoTime();
            List<Future<Long>> leased = new ArrayList<>();
            for (int p = 0; p < PROCESSORS; p++) {
                leased.add(pool.submit(() -> {
                    long count = 0;
                    try (SimulatedProcessor processor = new SimulatedProcessor(servers, prefix)) {
                        while (orchestrator.status().counters().acks() < records) {
                            FetchNextBatchResponse batch = SimulatedProcessor.fetch(orchestrator, BATCH, 4L << 20,
                                    Duration.ofMillis(100));
                            if (batch.getTasksCount() > 0) {
                                processor.ack(batch);
                                count += batch.getTasksCount();
                            }
                        }
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> future : leased) {
                total += future.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            System.out.printf("orchestrator throughput: %d tasks leased and acked in %.2f s = %.0f tasks/s "
                    + "(%d processors, batches of %d, %d-byte payloads, one JVM with the broker)%n", total, seconds,
                    total / seconds, PROCESSORS, BATCH, PAYLOAD);
            assertThat(orchestrator.status().counters().acks()).isEqualTo(records);
        }
    }
}
