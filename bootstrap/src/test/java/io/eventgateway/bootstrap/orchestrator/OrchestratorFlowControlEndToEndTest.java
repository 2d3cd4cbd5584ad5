package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import com.google.protobuf.ByteString;
import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSink;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.domain.classify.Classifier;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Deadline pressure end to end, with two orchestrator replicas' states on the flow-control topic: replica 0 is real
 * (publisher and orchestrator in one process), replica 1 is a sink publishing a healthy replica's CLEAR state every
 * interval. A P10 backlog on replica 0 past its budget (oldest task older than 0.001 x the 20 min P10 SLO, 1.2 s)
 * makes replica 0 congested; the publisher cuts its P10 rate once (the other replica's clear state does not cancel
 * the cut) and sheds P10 beyond it to offload; once the backlog is served both replicas are clear and the rate
 * climbs by the additive step; when replica 1 falls silent the rate holds. The steps run in order, as one episode.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrchestratorFlowControlEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration STALE_AFTER = Duration.ofSeconds(1);
    /** Of the 20 min P10 SLO: a backlog older than 1.2 s is past its budget, clear again below 0.6 s. */
    private static final double OLDEST_AGE_FRACTION = 0.001;
    private static final double CEILING = 200;
    private static final double DECREASE_FACTOR = 0.5;
    private static final double CUT = CEILING * DECREASE_FACTOR;
    private static final double ADDITIVE_STEP = 5;
    private static final int P10_BURST = 5;
    private static final int BACKLOG = 20;
    private static final int REPLICA_0_PARTITION = 0;

    private static RunningOrchestrator gateway;
    private static P10AdmissionService admission;
    private static LaneRecords lanes;
    private static SimulatedProcessor processor;
    private static KafkaFlowSignalSink replica1;
    private static final ScheduledExecutorService REPLICA_1_SIGNALS = Executors.newSingleThreadScheduledExecutor(
            runnable -> {
                Thread thread = new Thread(runnable, "test-replica-1-signals");
                thread.setDaemon(true);
                return thread;
            });
    private static final AtomicReference<Instant> REPLICA_1_LAST_PUBLISHED = new AtomicReference<>();

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("flowctl") + ".";
        OrchestratorTopics.apply(servers, prefix);
        gateway = RunningOrchestrator.start("publisher,orchestrator", servers, prefix, 0, 2, Map.ofEntries(
                Map.entry("eventgateway.flow-control.interval", INTERVAL.toMillis() + "ms"),
                Map.entry("eventgateway.flow-control.stale-after", STALE_AFTER.toMillis() + "ms"),
                Map.entry("eventgateway.flow-control.oldest-age-fraction", OLDEST_AGE_FRACTION),
                Map.entry("eventgateway.aimd.floor", 1),
                Map.entry("eventgateway.aimd.ceiling", CEILING),
                Map.entry("eventgateway.aimd.initial", CEILING),
                Map.entry("eventgateway.aimd.additive-step", ADDITIVE_STEP),
                Map.entry("eventgateway.aimd.decrease-factor", DECREASE_FACTOR),
                // One cut per episode, so a second cut cannot hide an increase the clear replica caused.
                Map.entry("eventgateway.aimd.min-decrease-interval", "1m"),
                Map.entry("eventgateway.aimd.min-increase-interval", "200ms"),
                Map.entry("eventgateway.classifier.p10-burst", P10_BURST),
                Map.entry("eventgateway.classifier.offload-delay-min", "1s")));
        admission = gateway.bean(P10AdmissionService.class);
        lanes = new LaneRecords(servers, prefix);
        processor = new SimulatedProcessor(servers, prefix);
        replica1 = new KafkaFlowSignalSink(KafkaWriterSettings.defaults(servers, "test-replica-1",
                Duration.ofSeconds(5)), new TopicNames(prefix), Clock.systemUTC());
        REPLICA_1_SIGNALS.scheduleAtFixedRate(OrchestratorFlowControlEndToEndTest::publishReplica1Clear, 0,
                INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() {
        REPLICA_1_SIGNALS.shutdownNow();
        try {
            replica1.close();
            processor.close();
            lanes.close();
        } finally {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void aP10BacklogPastItsDeadlineBudgetMakesItsReplicaPublishCongested() {
        assertThat(admission.p10Rate()).as("rate before any backlog").isEqualTo(CEILING);
        Instant now = Instant.now();
        for (int i = 0; i < BACKLOG; i++) {
            lanes.send(Lane.P10, REPLICA_0_PARTITION, LaneRecords.event(io.eventgateway.domain.priority.Priority.P10,
                    now, now.plus(Duration.ofMinutes(20)), 64));
        }
        lanes.flush();

        await().atMost(AWAIT).until(() -> signals(CongestionState.CONGESTED) > 0);
        assertThat(gateway.status().lanes().get(Lane.P10).oldestAgeMs()).isGreaterThanOrEqualTo(1_200);
        assertThat(congestedGauge()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theCongestedReplicaCutsTheP10RateAndTheHealthyReplicasClearStateDoesNotCancelTheCut() {
        await().atMost(AWAIT).until(() -> admission.p10Rate() == CUT);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> admission.p10Rate() == CUT);
        assertThat(REPLICA_1_LAST_PUBLISHED.get()).as("replica 1's clear state is fresh")
                .isAfter(Instant.now().minus(STALE_AFTER));
        assertThat(signals(CongestionState.CONGESTED)).as("replica 0 still congested").isGreaterThan(5);
    }

    @Test
    @Order(3)
    void p10BeyondTheCutRateIsShedToTheOffloadLane() {
        int burst = 30;
        long started = System.nanoTime();
        List<EventResult> results = publish(IntStream.range(0, burst).mapToObj(i -> p10Event()).toList());
        double elapsedSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(gateway.bean(Classifier.class).p10Rate()).isEqualTo(CUT);
        assertThat(results).allSatisfy(result -> assertThat(result.getStatus()).isEqualTo(EventResult.Status.STORED));
        List<EventResult> admitted = results.stream().filter(result -> "p10".equals(result.getLane())).toList();
        List<EventResult> offloaded = results.stream().filter(result -> "offload".equals(result.getLane())).toList();
        assertThat(admitted.size() + offloaded.size()).isEqualTo(burst);
        assertThat(admitted.size()).as("admitted: the burst plus what the cut rate refilled in %.3f s", elapsedSeconds)
                .isLessThanOrEqualTo(P10_BURST + (int) Math.ceil(CUT * elapsedSeconds));
        assertThat(offloaded).isNotEmpty().allSatisfy(result -> {
            assertThat(result.getPriority()).isEqualTo(Priority.P10);
            assertThat(result.getLocation()).contains("offload/");
        });
    }

    @Test
    @Order(4)
    void onceTheBacklogIsServedAndBothReplicasAreClearTheRateRecoversByTheAdditiveStep() {
        await().atMost(AWAIT).until(() -> {
            FetchNextBatchResponse batch = SimulatedProcessor.fetch(gateway, 500, 4L << 20, Duration.ofMillis(100));
            if (batch.getTasksCount() > 0) {
                processor.ack(batch);
            }
            return congestedGauge() == 0;
        });
        List<Double> observed = new CopyOnWriteArrayList<>();

        await().atMost(AWAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            double rate = admission.p10Rate();
            observed.add(rate);
            return rate >= CUT + 3 * ADDITIVE_STEP;
        });

        assertThat(gateway.status().lanes().get(Lane.P10).buffered()).isZero();
        assertThat(observed).isSorted().allSatisfy(rate -> assertThat((rate - CUT) / ADDITIVE_STEP)
                .as("steps above %s in %s", CUT, rate).isEqualTo(Math.rint((rate - CUT) / ADDITIVE_STEP)));
    }

    @Test
    @Order(5)
    void aReplicaThatStopsPublishingMakesThePublisherHoldNotClimb() {
        REPLICA_1_SIGNALS.shutdown();
        await().atMost(Duration.ofSeconds(5)).until(REPLICA_1_SIGNALS::isTerminated);
        Instant stale = REPLICA_1_LAST_PUBLISHED.get().plus(STALE_AFTER).plus(INTERVAL.multipliedBy(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(stale));
        double held = admission.p10Rate();
        double clearBefore = signals(CongestionState.CLEAR);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> admission.p10Rate() == held);
        assertThat(held).as("held below the ceiling, so holding is not capping").isLessThan(CEILING);
        assertThat(signals(CongestionState.CLEAR)).as("replica 0 kept publishing clear")
                .isGreaterThan(clearBefore + 5);
    }

    private static void publishReplica1Clear() {
        Instant now = Instant.now();
        try {
            replica1.publish(new FlowSignal(1, CongestionState.CLEAR, now)).get(5, TimeUnit.SECONDS);
            REPLICA_1_LAST_PUBLISHED.set(now);
        } catch (Exception e) {
            throw new IllegalStateException("replica 1 cannot publish its clear state", e);
        }
    }

    private static double signals(CongestionState state) {
        Counter counter = gateway.bean(MeterRegistry.class).find("eg.flow_control.signals")
                .tags("replica", "0", "state", state.name().toLowerCase(Locale.ROOT)).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double congestedGauge() {
        return gateway.bean(MeterRegistry.class).get("eg.flow_control.congested").tag("replica", "0").gauge().value();
    }

    private static Event p10Event() {
        return Event.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCompanyId("acme")
                .setSourceName("checkout")
                .setEventType("order.created")
                .setPriority(Priority.P10)
                .setPayload(ByteString.copyFrom(new byte[64]))
                .build();
    }

    private static List<EventResult> publish(List<Event> events) {
        return IngestGrpc.newBlockingStub(gateway.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .publishEvents(PublishEventsRequest.newBuilder().addAllEvents(events).build()).getResultsList();
    }
}
