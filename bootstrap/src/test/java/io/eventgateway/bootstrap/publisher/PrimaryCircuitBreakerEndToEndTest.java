package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the primary cluster down (nothing listens at its address) the circuit opens, so a dead primary costs at most
 * one attempt per probe interval instead of one per write, and publishing runs at the speed of the fallback path
 * (the alternate cluster) rather than waiting on the primary every time.
 */
class PrimaryCircuitBreakerEndToEndTest {

    private static final String PREFIX = TestTopics.unique("circuit") + ".";
    /** A write that waits on the dead primary blocks a quarter of this on metadata before it falls back. */
    private static final Duration PRIMARY_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration PRIMARY_WAIT = PRIMARY_TIMEOUT.dividedBy(4);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration WINDOW = PROBE_INTERVAL.multipliedBy(5).dividedBy(2);

    private static RunningPublisher publisher;
    private static KafkaRecords alternate;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.ALTERNATE);
        publisher = RunningPublisher.start(DeadBrokers.refusing(), PREFIX, Map.of(
                "eventgateway.kafka.alternate.bootstrap-servers", servers,
                "eventgateway.publisher.primary-timeout", PRIMARY_TIMEOUT.toMillis() + "ms",
                "eventgateway.publisher.breaker-failure-threshold", 3,
                "eventgateway.publisher.breaker-probe-interval", PROBE_INTERVAL.toMillis() + "ms"));
        alternate = new KafkaRecords(servers);
    }

    @AfterAll
    static void stop() {
        try {
            alternate.close();
        } finally {
            publisher.close();
        }
    }

    /** Three failed primary writes in a row open the circuit (the configured threshold). */
    @BeforeEach
    void openTheCircuit() {
        List<Receipt> receipts = publisher.publishOverHttp(List.of(TestEvents.json("P30"), TestEvents.json("P20"),
                TestEvents.json("P10")));
        assertThat(receipts).allSatisfy(this::assertOnTheAlternate);
    }

    @Test
    void whileTheCircuitIsOpenThePrimaryIsTriedAtMostOncePerProbeInterval() {
        long attemptsBefore = publisher.publishService().primaryAttempts();
        double fallbacksBefore = publisher.counter("eg.publish.fallback", "target", "primary");

        Window window = publishOneEventAtATimeFor(WINDOW);

        long attempts = publisher.publishService().primaryAttempts() - attemptsBefore;
        assertThat(attempts).isLessThanOrEqualTo(window.elapsed().toMillis() / PROBE_INTERVAL.toMillis() + 1);
        assertThat(window.latencies().size()).as("events published").isGreaterThan((int) attempts);
        assertThat(publisher.counter("eg.publish.fallback", "target", "primary") - fallbacksBefore)
                .as("every event fell back from the primary").isEqualTo(window.latencies().size());
    }

    @Test
    void whileTheCircuitIsOpenOnlyTheProbesWaitOnThePrimary() {
        long attemptsBefore = publisher.publishService().primaryAttempts();

        Window window = publishOneEventAtATimeFor(WINDOW);

        long attempts = publisher.publishService().primaryAttempts() - attemptsBefore;
        List<Long> millis = window.latencies().stream().map(Duration::toMillis).sorted().toList();
        assertThat(millis.get(millis.size() / 2)).as("median of %s ms", millis)
                .isLessThan(PRIMARY_TIMEOUT.toMillis() / 10);
        assertThat(millis).as("publishes that waited on the primary, of %s ms", millis)
                .filteredOn(latency -> latency >= PRIMARY_WAIT.toMillis()).hasSizeLessThanOrEqualTo((int) attempts);
    }

    /** Publishes single events back to back for {@code length}; each must land on the alternate. */
    private Window publishOneEventAtATimeFor(Duration length) {
        List<Duration> latencies = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < length.toNanos()) {
            long sent = System.nanoTime();
            Receipt receipt = publisher.publishOverHttp(List.of(TestEvents.json("P30"))).get(0);
            latencies.add(Duration.ofNanos(System.nanoTime() - sent));
            assertOnTheAlternate(receipt);
        }
        return new Window(Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    private void assertOnTheAlternate(Receipt receipt) {
        assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("alternate");
        alternate.find(receipt);
    }

    private record Window(Duration elapsed, List<Duration> latencies) {
    }
}
