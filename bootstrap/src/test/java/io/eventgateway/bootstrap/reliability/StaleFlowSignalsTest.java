package io.eventgateway.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSink;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.bootstrap.publisher.PlannedTopics;
import io.eventgateway.bootstrap.publisher.RunningPublisher;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scenario 9 of the reliability suite: flow-control signals that arrive late (a publisher whose consumer of the
 * flow-control topic lags), that stop, or that are dated ahead of the publisher's clock. Two stand-in orchestrator
 * replicas publish through Kafka to a running publisher; a sampler reads its P10 rate every few milliseconds. The rate
 * never leaves [floor, ceiling], climbs only while every replica is freshly clear, and holds (does not climb) on
 * anything stale. The steps run in order on one publisher, like one long episode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaleFlowSignalsTest {

    private static final String PREFIX = TestTopics.unique("stale-signals") + ".";
    private static final double FLOOR = 10;
    private static final double CEILING = 100;
    private static final double INITIAL = 20;
    private static final double STEP = 10;
    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration SIGNAL_INTERVAL = Duration.ofMillis(50);
    private static final Duration STALE_AFTER = Duration.ofMillis(400);
    /** While a state is fresh the rate may climb one step per interval: a few steps, far from the ceiling. */
    private static final Duration MIN_INCREASE_INTERVAL = Duration.ofMillis(100);
    /** Long enough for several ticks, short enough to keep the suite fast. */
    private static final Duration HOLD_OBSERVED_FOR = Duration.ofMillis(800);

    private static RunningPublisher publisher;
    private static P10AdmissionService admission;
    private static KafkaFlowSignalSink orchestrators;
    private static final List<Double> SAMPLES = new CopyOnWriteArrayList<>();
    private static final ScheduledExecutorService THREADS = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "test-stale-signals");
        thread.setDaemon(true);
        return thread;
    });
    private static ScheduledFuture<?> signals;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.PRIMARY);
        publisher = RunningPublisher.start(servers, PREFIX, Map.ofEntries(
                Map.entry("eventgateway.topics.orchestrator-replicas", 2),
                Map.entry("eventgateway.aimd.floor", FLOOR),
                Map.entry("eventgateway.aimd.ceiling", CEILING),
                Map.entry("eventgateway.aimd.initial", INITIAL),
                Map.entry("eventgateway.aimd.additive-step", STEP),
                Map.entry("eventgateway.aimd.decrease-factor", 0.5),
                Map.entry("eventgateway.aimd.min-decrease-interval", "50ms"),
                Map.entry("eventgateway.aimd.min-increase-interval", MIN_INCREASE_INTERVAL.toMillis() + "ms"),
                Map.entry("eventgateway.flow-control.interval", TICK.toMillis() + "ms"),
                Map.entry("eventgateway.flow-control.stale-after", STALE_AFTER.toMillis() + "ms")));
        admission = publisher.bean(P10AdmissionService.class);
        orchestrators = new KafkaFlowSignalSink(KafkaWriterSettings.defaults(servers, "test-stale-orchestrators",
                Duration.ofSeconds(5)), new TopicNames(PREFIX), Clock.systemUTC());
        THREADS.scheduleAtFixedRate(() -> SAMPLES.add(admission.p10Rate()), 0, 5, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
        try {
            orchestrators.close();
        } finally {
            publisher.close();
        }
    }

    @Test
    @Order(1)
    void signalsThatArriveAlreadyStaleHoldTheRateWhateverTheySay() {
        Duration lag = STALE_AFTER.multipliedBy(3);
        publishEveryInterval(now -> List.of(
                new FlowSignal(0, CongestionState.CLEAR, now.minus(lag)),
                new FlowSignal(1, CongestionState.CONGESTED, now.minus(lag))));

        assertHolds(INITIAL, HOLD_OBSERVED_FOR.multipliedBy(2));
    }

    @Test
    @Order(2)
    void freshClearFromEveryReplicaClimbsToTheCeilingAndNoFurther() {
        publishEveryInterval(now -> List.of(
                new FlowSignal(0, CongestionState.CLEAR, now),
                new FlowSignal(1, CongestionState.CLEAR, now)));

        await().atMost(Duration.ofSeconds(10)).until(() -> admission.p10Rate() == CEILING);
        assertHolds(CEILING, HOLD_OBSERVED_FOR);
    }

    @Test
    @Order(3)
    void freshCongestionCutsToTheFloorAndNoFurther() {
        publishEveryInterval(now -> List.of(
                new FlowSignal(0, CongestionState.CLEAR, now),
                new FlowSignal(1, CongestionState.CONGESTED, now)));

        await().atMost(Duration.ofSeconds(10)).until(() -> admission.p10Rate() == FLOOR);
        assertHolds(FLOOR, HOLD_OBSERVED_FOR);
    }

    @Test
    @Order(4)
    void whenOneReplicaFallsSilentTheRateHoldsThoughTheOtherIsClear() {
        publishEveryInterval(now -> List.of(new FlowSignal(0, CongestionState.CLEAR, now)));

        assertHolds(FLOOR, STALE_AFTER.plus(HOLD_OBSERVED_FOR));
    }

    /**
     * A replica whose clock runs an hour ahead publishes one CLEAR state and dies. That state must go stale like any
     * other once its replica is silent, not stay fresh for the hour and let the rate climb to the ceiling.
     */
    @Test
    @Order(5)
    void aStateDatedAheadOfThePublishersClockGoesStaleOnceItsReplicaFallsSilent() {
        publish(new FlowSignal(1, CongestionState.CLEAR, Instant.now().plus(Duration.ofHours(1))));
        Instant silentSince = Instant.now();

        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(silentSince.plus(STALE_AFTER)
                .plus(TICK.multipliedBy(4))));
        double held = admission.p10Rate();

        long freshIncreases = STALE_AFTER.plus(TICK.multipliedBy(4)).toMillis() / MIN_INCREASE_INTERVAL.toMillis() + 1;
        assertThat(held).isLessThanOrEqualTo(FLOOR + freshIncreases * STEP).isLessThan(CEILING);
        assertHolds(held, HOLD_OBSERVED_FOR);
    }

    @Test
    @Order(6)
    void throughoutTheRateStayedWithinFloorAndCeiling() {
        assertThat(SAMPLES).hasSizeGreaterThan(100).allSatisfy(rate -> assertThat(rate).isBetween(FLOOR, CEILING));
    }

    /** The rate is {@code expected} now and for {@code duration}, sampled every few milliseconds. */
    private static void assertHolds(double expected, Duration duration) {
        int from = SAMPLES.size();
        await().during(duration).atMost(duration.plusSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> admission.p10Rate() == expected);
        List<Double> samples = List.copyOf(SAMPLES);
        assertThat(samples.subList(from, samples.size())).allSatisfy(rate -> assertThat(rate).isEqualTo(expected));
    }

    /** Replaces what the stand-in replicas publish every interval, starting now. */
    private static void publishEveryInterval(Function<Instant, List<FlowSignal>> states) {
        if (signals != null) {
            signals.cancel(false);
        }
        signals = THREADS.scheduleAtFixedRate(() -> states.apply(Instant.now()).forEach(StaleFlowSignalsTest::publish),
                0, SIGNAL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void publish(FlowSignal signal) {
        try {
            orchestrators.publish(signal).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + signal, e);
        }
    }
}
