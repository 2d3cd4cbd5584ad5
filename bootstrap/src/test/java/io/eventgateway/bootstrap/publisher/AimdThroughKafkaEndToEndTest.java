package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSink;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * P10 admission follows the congestion states orchestrator replicas publish on the flow-control topic, read back
 * through Kafka: a fresh CONGESTED state cuts the rate by the decrease factor, and a P10 burst beyond the rate is shed
 * to the offload lane with a delay (never dropped); fresh CLEAR states raise it by the additive step; once the states
 * go stale the rate holds. The steps run in order on one publisher, as one congestion episode would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AimdThroughKafkaEndToEndTest {

    private static final String PREFIX = TestTopics.unique("aimd") + ".";
    private static final double INITIAL_RATE = 100;
    private static final double DECREASE_FACTOR = 0.5;
    private static final double ADDITIVE_STEP = 7;
    private static final int P10_BURST = 5;
    private static final Duration STALE_AFTER = Duration.ofSeconds(1);
    private static final Duration OFFLOAD_DELAY_MIN = Duration.ofSeconds(1);
    private static final Duration SIGNAL_INTERVAL = Duration.ofMillis(100);

    private static RunningPublisher publisher;
    private static P10AdmissionService admission;
    private static KafkaFlowSignalSink orchestrator;
    private static KafkaRecords primary;
    private static final ScheduledExecutorService SIGNALS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-orchestrator-signals");
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicReference<Instant> LAST_CLEAR_PUBLISHED_AT = new AtomicReference<>();

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.PRIMARY);
        publisher = RunningPublisher.start(servers, PREFIX, Map.of(
                "eventgateway.aimd.floor", 1,
                "eventgateway.aimd.ceiling", 1000,
                "eventgateway.aimd.initial", INITIAL_RATE,
                "eventgateway.aimd.additive-step", ADDITIVE_STEP,
                "eventgateway.aimd.decrease-factor", DECREASE_FACTOR,
                // One cut per episode here, so the cut is exactly one factor.
                "eventgateway.aimd.min-decrease-interval", "1m",
                "eventgateway.aimd.min-increase-interval", "200ms",
                "eventgateway.classifier.p10-burst", P10_BURST,
                "eventgateway.classifier.offload-delay-min", OFFLOAD_DELAY_MIN.toMillis() + "ms",
                "eventgateway.flow-control.stale-after", STALE_AFTER.toMillis() + "ms"));
        admission = publisher.bean(P10AdmissionService.class);
        orchestrator = new KafkaFlowSignalSink(KafkaWriterSettings.defaults(servers, "test-orchestrator",
                Duration.ofSeconds(5)), new TopicNames(PREFIX), Clock.systemUTC());
        primary = new KafkaRecords(servers);
    }

    @AfterAll
    static void stop() {
        SIGNALS.shutdownNow();
        try {
            orchestrator.close();
            primary.close();
        } finally {
            publisher.close();
        }
    }

    @Test
    @Order(1)
    void aFreshCongestedStateCutsTheP10RateByTheDecreaseFactor() {
        assertThat(admission.p10Rate()).as("rate before any state").isEqualTo(INITIAL_RATE);

        publish(CongestionState.CONGESTED, Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> admission.p10Rate() == INITIAL_RATE * DECREASE_FACTOR);
        HttpResponse<String> metrics = publisher.get("/prometheus");
        assertThat(metrics.body()).containsPattern(Pattern.compile("(?m)^eg_aimd_rate(\\{[^}]*})? 50\\.0$"));
    }

    @Test
    @Order(2)
    void aP10BurstBeyondTheRateIsShedToTheOffloadLaneWithADelay() {
        int burst = 30;
        List<Receipt> receipts = publisher.publishOverHttp(IntStream.range(0, burst)
                .mapToObj(i -> TestEvents.json("P10")).toList());

        List<Receipt> admitted = receipts.stream().filter(receipt -> "p10".equals(receipt.lane())).toList();
        List<Receipt> offloaded = receipts.stream().filter(receipt -> "offload".equals(receipt.lane())).toList();
        assertThat(admitted).as("admitted: the bucket's burst").hasSize(P10_BURST);
        assertThat(offloaded).hasSize(burst - P10_BURST).allSatisfy(receipt -> {
            assertThat(receipt.priority()).isEqualTo("P10");
            assertThat(receipt.location()).startsWith(PREFIX + "offload/");
            DecodedRecord stored = primary.find(receipt);
            assertThat(stored.record().delayUntil()).as("delay_until of %s", receipt.eventId())
                    .isAfterOrEqualTo(stored.record().ingestedAt().plus(OFFLOAD_DELAY_MIN));
            assertThat(stored.record().offloads()).isEqualTo(1);
        });
        assertThat(admitted).allSatisfy(receipt -> assertThat(primary.find(receipt).record().delayUntil()).isNull());
    }

    @Test
    @Order(3)
    void freshClearStatesRaiseTheRateByTheAdditiveStep() {
        double cut = INITIAL_RATE * DECREASE_FACTOR;
        List<Double> observed = new CopyOnWriteArrayList<>();

        SIGNALS.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            publish(CongestionState.CLEAR, now);
            LAST_CLEAR_PUBLISHED_AT.set(now);
        }, 0, SIGNAL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            double rate = admission.p10Rate();
            observed.add(rate);
            return rate >= cut + 4 * ADDITIVE_STEP;
        });
        assertThat(observed).isSorted().allSatisfy(rate -> assertThat((rate - cut) / ADDITIVE_STEP)
                .as("steps above %s in %s", cut, rate).isEqualTo(Math.rint((rate - cut) / ADDITIVE_STEP)));
    }

    @Test
    @Order(4)
    void whenTheStatesGoStaleTheRateHolds() {
        SIGNALS.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(SIGNALS::isTerminated);
        Instant stale = LAST_CLEAR_PUBLISHED_AT.get().plus(STALE_AFTER).plus(SIGNAL_INTERVAL.multipliedBy(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(stale));

        double held = admission.p10Rate();

        assertThat(held).isGreaterThan(INITIAL_RATE * DECREASE_FACTOR);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> admission.p10Rate() == held);
    }

    private static void publish(CongestionState state, Instant publishedAt) {
        try {
            orchestrator.publish(new FlowSignal(0, state, publishedAt)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a " + state + " state", e);
        }
    }
}
