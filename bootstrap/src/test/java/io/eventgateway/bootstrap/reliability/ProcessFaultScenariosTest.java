package io.eventgateway.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.bootstrap.ledger.DeadLetterIds;
import io.eventgateway.bootstrap.loadgen.AcceptedEvent;
import io.eventgateway.bootstrap.loadgen.AcceptedRecordFile;
import io.eventgateway.bootstrap.loadgen.LoadGenerator;
import io.eventgateway.bootstrap.loadgen.LoadReport;
import io.eventgateway.bootstrap.loadgen.LoadSettings;
import io.eventgateway.bootstrap.loadgen.PriorityMix;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.Priority;

import io.eventgateway.sdk.producer.EventGatewayProducer;
import io.eventgateway.sdk.producer.PublishOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9's process faults, short form: real processes (a broker, the gateway's roles, demo processors) killed with
 * SIGKILL under load, then the books checked by {@code verify} against the ids the gateway reported stored. Nothing
 * stored may be lost; the work done twice is counted and bounded by what was in flight at the kill.
 */
class ProcessFaultScenariosTest {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessFaultScenariosTest.class);
    private static final Duration SETTLE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static GatewayProcess broker;
    private static String brokers;

    @BeforeAll
    static void startBroker() throws IOException {
        int port = GatewayProcess.freePort();
        brokers = "127.0.0.1:" + port;
        broker = GatewayProcess.start("broker", dir, "384m", Map.of(), "embedded-broker: Kafka on",
                "embedded-broker", "--port", Integer.toString(port), "--data",
                Files.createDirectories(dir.resolve("broker")).toString());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aProcessorKilledMidBatchLosesNothingItsLeasesExpireAndAnotherProcessorRedoesTheWork() throws Exception {
        ScenarioGateway gateway = scenario("s2");
        try (GatewayProcess ignored = gateway.startGateway("s2-gateway");
                GatewayProcess first = gateway.startProcessor("s2-processor-a")) {
            CompletableFuture<LoadReport> load = load(gateway.target(), gateway.record(), 3000, 1000);
            await().atMost(SETTLE).until(() -> ledgerLines(gateway) >= 600);
            long leasedAtKill = gateway.status().at("/leases/in_flight").asLong();
            first.kill();
            long handledAtKill = ledgerLines(gateway);
            try (GatewayProcess ignoredToo = gateway.startProcessor("s2-processor-b")) {
                LoadReport report = load.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
                ScenarioBooks books = settledBooks(gateway);

                record("2", describe(report, 1000), "processor SIGKILL mid-batch, another started", books, gateway,
                        "handled at the kill " + handledAtKill + ", leased at the kill " + leasedAtKill);
                assertThat(books.stored()).isEqualTo(report.stored()).isPositive();
                assertThat(books.lost()).as("lost, books %s", books.json()).isZero();
                assertThat(books.exitCode()).isZero();
                assertThat(books.duplicated()).as("work redone: at most the tasks the killed processor held")
                        .isLessThanOrEqualTo(ScenarioGateway.PROCESSOR_CONCURRENCY
                                + ScenarioGateway.PROCESSOR_MAX_TASKS_PER_FETCH);
            }
        }
    }

    @Test
    void anOrchestratorKilledUnderLoadAndRestartedWithItsIndexLosesNothingAndRedoesOnlyWhatWasInFlight()
            throws Exception {
        ScenarioGateway gateway = scenario("s1");
        try (GatewayProcess ignored = gateway.startPublisher("s1-publisher");
                GatewayProcess ignoredToo = gateway.startProcessor("s1-processor");
                GatewayProcess orchestrator = gateway.startOrchestrator("s1-orchestrator")) {
            CompletableFuture<LoadReport> load = load(gateway.publisherTarget(), gateway.record(), 3000, 1000);
            StatusSamples samples = new StatusSamples();
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(100)).until(() -> {
                samples.add(gateway.status());
                return ledgerLines(gateway) >= 800 && samples.spanMs() >= 1000;
            });
            orchestrator.kill();
            long handledAtKill = ledgerLines(gateway);
            JsonNode last = samples.last();
            long leasedAtKill = last.at("/leases/in_flight").asLong();
            long ackedInTheLastSecond = last.at("/counters/acks").asLong()
                    - samples.oneSecondBeforeLast().at("/counters/acks").asLong();
            long truncatedCommits = last.at("/counters/truncated_commits").asLong();
            try (GatewayProcess restarted = gateway.startOrchestrator("s1-orchestrator-restarted")) {
                LoadReport report = load.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
                ScenarioBooks books = settledBooks(gateway);

                record("1", describe(report, 1000), "orchestrator SIGKILL under load, restarted with --index 0", books,
                        gateway, "handled at the kill " + handledAtKill + ", leased at the kill " + leasedAtKill
                                + ", acked in the last second (commit interval "
                                + ScenarioGateway.COMMIT_INTERVAL.toMillis() + " ms) " + ackedInTheLastSecond
                                + ", truncated commits " + truncatedCommits + "; after the restart: "
                                + gateway.status().at("/counters/replayed_acks").asLong() + " ACKs replayed from "
                                + "the response topic, " + gateway.status().at("/counters/skipped_on_restart").asLong()
                                + " offsets skipped as done");
                assertThat(books.stored()).isEqualTo(report.stored()).isPositive();
                assertThat(books.lost()).as("lost, books %s", books.json()).isZero();
                assertThat(books.exitCode()).isZero();
                assertThat(books.duplicated()).as("work redone: leased + acked since the last commit + truncated")
                        .isLessThanOrEqualTo(leasedAtKill + ackedInTheLastSecond + truncatedCommits);
            }
        }
    }

    @Test
    void poisonEventsAtOnePercentAllReachTheDeadLetterQueueWhileTheOthersAreProcessed() throws Exception {
        ScenarioGateway gateway = scenario("s7");
        try (GatewayProcess ignored = gateway.startGateway("s7-gateway");
                GatewayProcess ignoredToo = gateway.startProcessor("s7-processor")) {
            Set<String> poison = publishWithPoison(gateway, 2000, 100);
            ScenarioBooks books = settledBooks(gateway);
            Set<String> deadLettered = DeadLetterIds.read(brokers, new TopicNames(gateway.prefix()).dlq(),
                    new ProtobufStoredRecordCodec(), Duration.ofSeconds(30)).eventIds();

            record("7", "2000 P20 events, 1 in 100 of type poison.demo", "poison at 1 % (the handler FAILs them)",
                    books, gateway, "poison " + poison.size() + ", of them in the DLQ "
                            + poison.stream().filter(deadLettered::contains).count());
            assertThat(poison).hasSize(20);
            assertThat(deadLettered).containsAll(poison);
            assertThat(books.deadLettered()).isEqualTo(poison.size());
            assertThat(books.stored()).isEqualTo(2000);
            assertThat(books.lost()).as("lost, books %s", books.json()).isZero();
            assertThat(books.exitCode()).isZero();
        }
    }

    private static ScenarioGateway scenario(String name) throws IOException {
        ScenarioGateway gateway = new ScenarioGateway(brokers, name + "-" + UUID.randomUUID().toString()
                .substring(0, 8) + ".", Files.createDirectories(dir.resolve(name)));
        gateway.applyTopics();
        return gateway;
    }

    /** Appends the scenario's row, with the orchestrator's peak buffered bytes read from its status now. */
    private static void record(String scenario, String load, String fault, ScenarioBooks books,
            ScenarioGateway gateway, String terms) {
        JsonNode memory = gateway.status().get("memory");
        ScenarioResults.SHARED.add(new ScenarioRow(scenario, load, fault, books,
                memory.get("peak_used_bytes").asLong(), memory.get("budget_bytes").asLong(), terms));
    }

    static String describe(LoadReport report, double rate) {
        return report.sent() + " events offered at " + Math.round(rate) + "/s (P30 10 %, P20 30 %, P10 60 %), "
                + report.stored()
                + " stored, " + report.unavailable() + " unavailable";
    }

    /** Books once {@code verify} finds nothing missing, or the last ones at the deadline. */
    private static ScenarioBooks settledBooks(ScenarioGateway gateway) {
        AtomicReference<ScenarioBooks> books = new AtomicReference<>();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                books.set(ScenarioBooks.verify(gateway));
                return books.get().lost() == 0;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            LOG.warn("the books did not settle within {}: {}", SETTLE, books.get());
        }
        return books.get();
    }

    private static CompletableFuture<LoadReport> load(String target, Path record, long count, double rate) {
        LoadSettings settings = new LoadSettings(count, 50, 256, 4, rate, 10,
                PriorityMix.parse("P30=10,P20=30,P10=60"), 9, record);
        CompletableFuture<LoadReport> report = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (EventGatewayProducer producer = EventGatewayProducer.builder().target(target).usePlaintext()
                    .callTimeout(Duration.ofSeconds(5)).build()) {
                report.complete(new LoadGenerator(settings).run(producer));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                report.completeExceptionally(e);
            } catch (RuntimeException e) {
                report.completeExceptionally(e);
            }
        }, "scenario-load");
        thread.setDaemon(true);
        thread.start();
        return report;
    }

    /** Publishes {@code count} events, one in {@code every} of type {@code poison.demo}; returns the poison ids. */
    private static Set<String> publishWithPoison(ScenarioGateway gateway, int count, int every) {
        Set<String> poison = new HashSet<>();
        try (EventGatewayProducer producer = EventGatewayProducer.builder().target(gateway.target()).usePlaintext()
                .callTimeout(Duration.ofSeconds(10)).build();
                AcceptedRecordFile record = new AcceptedRecordFile(gateway.record())) {
            for (int start = 0; start < count; start += 100) {
                List<Event> events = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + 100); i++) {
                    events.add(Event.newBuilder().setEventId(UUID.randomUUID().toString())
                            .setCompanyId("tenant-" + i % 7)
                            .setSourceName("reliability").setEventType(i % every == 0 ? "poison.demo" : "load.test")
                            .setPriority(Priority.P20).build());
                }
                PublishOutcome outcome = producer.publish(events);
                for (int i = 0; i < events.size(); i++) {
                    EventResult result = outcome.results().get(i);
                    assertThat(result.getStatus()).as("event %s", result.getEventId())
                            .isEqualTo(EventResult.Status.STORED);
                    record.write(new AcceptedEvent(result.getEventId(), "P20", System.currentTimeMillis()));
                    if (events.get(i).getEventType().startsWith("poison")) {
                        poison.add(result.getEventId());
                    }
                }
            }
        }
        return poison;
    }

    private static long ledgerLines(ScenarioGateway gateway) {
        if (!Files.exists(gateway.ledger())) {
            return 0;
        }
        try (var lines = Files.lines(gateway.ledger())) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The orchestrator's status, sampled until the kill, with when each sample was taken. */
    private static final class StatusSamples {

        private final List<JsonNode> samples = new ArrayList<>();
        private final List<Long> takenAtNanos = new ArrayList<>();

        void add(JsonNode status) {
            samples.add(status);
            takenAtNanos.add(System.nanoTime());
        }

        long spanMs() {
            return samples.isEmpty() ? 0
                    : (takenAtNanos.get(takenAtNanos.size() - 1) - takenAtNanos.get(0)) / 1_000_000;
        }

        JsonNode last() {
            return samples.get(samples.size() - 1);
        }

        JsonNode oneSecondBeforeLast() {
            long lastAt = takenAtNanos.get(takenAtNanos.size() - 1);
            for (int i = samples.size() - 1; i >= 0; i--) {
                if (lastAt - takenAtNanos.get(i) >= 1_000_000_000L) {
                    return samples.get(i);
                }
            }
            return samples.get(0);
        }
    }
}
