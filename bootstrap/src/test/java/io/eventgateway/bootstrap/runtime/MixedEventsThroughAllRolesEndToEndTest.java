package io.eventgateway.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.ledger.DeadLetterIds;
import io.eventgateway.bootstrap.ledger.LedgerContents;
import io.eventgateway.bootstrap.ledger.LedgerEntry;
import io.eventgateway.bootstrap.ledger.Reconciliation;
import io.eventgateway.bootstrap.loadgen.AcceptedEvent;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.IngestEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role in one JVM on embedded infrastructure: 10,000 mixed events (a P10 backlog with shuffled deadlines
 * first, then P20 and P30, a few poison events among them) end processed or dead-lettered, none lost, and the
 * ledger shows deadline order: within P10 an event is not started while one with a clearly earlier deadline has long
 * been waiting, and P30 is served ahead of the P10 backlog.
 */
class MixedEventsThroughAllRolesEndToEndTest {

    private static final int P10_BACKLOG = 8_000;
    private static final int P20 = 1_500;
    private static final int P30 = 500;
    private static final int POISON_EVERY = 500;
    /** Deadlines within this of each other may be served in either order (fairness window, concurrent workers). */
    private static final Duration DEADLINE_TOLERANCE = Duration.ofSeconds(20);
    /** From ingest until the orchestrator has surely buffered an event (publish ack, poll, hand-over to the queue). */
    private static final Duration BUFFERED_AFTER = Duration.ofSeconds(3);

    @TempDir
    static Path dir;

    private static GatewayRuntime runtime;
    private static Path ledger;
    private static final List<AcceptedEvent> stored = new ArrayList<>();
    private static final Set<String> poison = new HashSet<>();
    private static Reconciliation result;
    private static DeadLetterIds.Contents deadLetters;

    @BeforeAll
    static void publishAndDrain() {
        ledger = dir.resolve("ledger.csv");
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        properties.put(GatewayRuntime.DEMO_LEDGER, ledger.toString());
        properties.put("eventgateway.processor.demo-retry-rate", 0.0);
        properties.put("eventgateway.processor.demo-latency", "2ms");
        // Slow enough that the P10 backlog is still there when P20 and P30 arrive.
        properties.put("eventgateway.processor.concurrency", 8);
        // On a busy machine a 2 s primary write timeout sends events down the fallback chain, which recovery (not
        // this test's subject) brings back; every event here goes to the primary lanes.
        properties.put("eventgateway.publisher.primary-timeout", "30s");
        properties.put("eventgateway.aimd.initial", 100_000);
        properties.put("eventgateway.aimd.ceiling", 100_000);
        properties.put("eventgateway.classifier.p10-burst", 100_000);
        properties.put("eventgateway.classifier.tenant-rate", 100_000);
        properties.put("eventgateway.classifier.tenant-burst", 100_000);
        runtime = GatewayRuntime.start(new LaunchOptions(RoleSet.all(), false, null, properties));

        PublishEventsUseCase publisher = runtime.context().getBean(PublishEventsUseCase.class);
        SplittableRandom random = new SplittableRandom(3);
        Instant now = Instant.now();
        List<IngestEvent> backlog = new ArrayList<>();
        for (int i = 0; i < P10_BACKLOG; i++) {
            // Shuffled deadlines between 2 and 19 minutes out (the P10 floor is 1 minute, its SLO 20).
            backlog.add(event(i, "P10", now.plusSeconds(120 + random.nextInt(17 * 60))));
        }
        publish(publisher, backlog);
        List<IngestEvent> urgent = new ArrayList<>();
        for (int i = 0; i < P20 + P30; i++) {
            urgent.add(event(P10_BACKLOG + i, i < P30 ? "P30" : "P20", null));
        }
        publish(publisher, urgent);

        StoredRecordCodec codec = runtime.context().getBean(StoredRecordCodec.class);
        String brokers = runtime.infrastructure().orElseThrow().primaryBootstrapServers();
        String dlq = runtime.context().getBean(TopicNames.class).dlq();
        AtomicReference<Reconciliation> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            deadLetters = DeadLetterIds.read(brokers, dlq, codec, Duration.ofSeconds(10));
            last.set(Reconciliation.of(stored, LedgerContents.read(ledger).entries(), deadLetters.eventIds(), 0));
            assertThat(last.get().lost()).as("stored events neither processed nor dead-lettered: %s; orchestrator: %s",
                    last.get(), runtime.context().getBean(DispatchService.class).status()).isZero();
            // A FAIL is processed at once; its DLQ record is written with the orchestrator's next commit transaction.
            assertThat(deadLetters.eventIds()).containsAll(poison);
        });
        result = last.get();
    }

    private static IngestEvent event(int n, String priority, Instant deadline) {
        String type = n % POISON_EVERY == 7 ? "order.poison" : "order.created";
        String id = "mixed-" + n;
        if (type.contains("poison")) {
            poison.add(id);
        }
        return new IngestEvent(id, "tenant-" + n % 10, "shop", type, null,
                Payload.wrap(("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)), Map.of(), priority, deadline,
                null, List.of());
    }

    private static void publish(PublishEventsUseCase publisher, List<IngestEvent> events) {
        for (int from = 0; from < events.size(); from += 500) {
            List<IngestEvent> batch = events.subList(from, Math.min(events.size(), from + 500));
            for (EventReceipt receipt : publisher.publish(new PublishEventsCommand(batch, 100L * batch.size()))
                    .join().receipts()) {
                assertThat(receipt).isInstanceOf(EventReceipt.Stored.class);
                EventReceipt.Stored ok = (EventReceipt.Stored) receipt;
                assertThat(ok.location().kind()).isEqualTo(StoredLocation.Kind.PRIMARY);
                stored.add(new AcceptedEvent(ok.eventId(), ok.priority().name(), 0));
            }
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void everyStoredEventIsProcessedOrDeadLetteredAndNoneIsLost() {
        assertThat(result.stored()).isEqualTo(P10_BACKLOG + P20 + P30);
        assertThat(result.lost()).isZero();
        assertThat(result.pending()).isZero();
        assertThat(result.processed()).isEqualTo(result.stored());
    }

    @Test
    void poisonEventsEndInTheDeadLetterQueue() {
        assertThat(poison).hasSize((P10_BACKLOG + P20 + P30) / POISON_EVERY);
        assertThat(deadLetters.eventIds()).containsAll(poison);
        assertThat(result.deadLettered()).isEqualTo(poison.size());
    }

    @Test
    void withinP10NoEventStartsWhileOneDueClearlyEarlierHasLongBeenBuffered() {
        List<LedgerEntry> p10 = firstStarts("P10");
        p10.sort(Comparator.comparingLong(LedgerEntry::processedAtMs));
        // Walk in start order, keeping the earliest deadline still to come among events already buffered by then.
        List<LedgerEntry> byIngest = new ArrayList<>(p10);
        byIngest.sort(Comparator.comparingLong(LedgerEntry::ingestedAtMs));
        TreeMap<Long, Integer> waiting = new TreeMap<>();
        Set<String> counted = new HashSet<>();
        Set<String> started = new HashSet<>();
        int nextIngested = 0;
        long violations = 0;
        for (LedgerEntry entry : p10) {
            while (nextIngested < byIngest.size() && byIngest.get(nextIngested).ingestedAtMs()
                    + BUFFERED_AFTER.toMillis() <= entry.processedAtMs()) {
                LedgerEntry buffered = byIngest.get(nextIngested++);
                if (!started.contains(buffered.eventId())) {
                    waiting.merge(buffered.deadlineMs(), 1, Integer::sum);
                    counted.add(buffered.eventId());
                }
            }
            started.add(entry.eventId());
            if (counted.remove(entry.eventId())) {
                waiting.computeIfPresent(entry.deadlineMs(), (deadline, count) -> count == 1 ? null : count - 1);
            }
            if (!waiting.isEmpty() && waiting.firstKey() + DEADLINE_TOLERANCE.toMillis() < entry.deadlineMs()) {
                violations++;
            }
        }
        assertThat(p10).hasSize(P10_BACKLOG);
        assertThat(violations).as("P10 events started ahead of a buffered one due %s earlier", DEADLINE_TOLERANCE)
                .isLessThanOrEqualTo(P10_BACKLOG / 100);
    }

    @Test
    void p30IsServedAheadOfTheP10Backlog() {
        List<LedgerEntry> p30 = firstStarts("P30");
        long lastP30Start = p30.stream().mapToLong(LedgerEntry::processedAtMs).max().orElseThrow();
        long p10StartedAfter = firstStarts("P10").stream().filter(entry -> entry.processedAtMs() > lastP30Start)
                .count();

        assertThat(p30).hasSize(P30);
        // Absolute latencies depend on the machine; the order does not.
        assertThat(result.byPriority().get("P30").latencyP50Ms())
                .isLessThan(result.byPriority().get("P10").latencyP50Ms());
        assertThat(p10StartedAfter).as("P10 events still waiting when the last P30 event started")
                .isGreaterThan(P10_BACKLOG / 10);
    }

    private static List<LedgerEntry> firstStarts(String priority) {
        Map<String, LedgerEntry> first = new HashMap<>();
        for (LedgerEntry entry : LedgerContents.read(ledger).entries()) {
            if (entry.priority().equals(priority)) {
                first.merge(entry.eventId(), entry, (a, b) -> a.processedAtMs() <= b.processedAtMs() ? a : b);
            }
        }
        return new ArrayList<>(first.values());
    }
}
