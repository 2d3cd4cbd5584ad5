package io.eventgateway.adapters.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.priority.Lane;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A batch of writes against a dead cluster must cost about one delivery timeout, not one per write, and must not
 * hold the caller's thread: the publisher's request threads call {@code write} once per event of a batch.
 */
class DeadClusterIntegrationTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(2);
    private static final int WRITES = 100;
    /** Scheduling slack on a loaded 2-core machine; 100 blocking sends would take 100 × 500 ms. */
    private static final Duration SLACK = Duration.ofMillis(1_500);
    private static final List<Lane> LANES = List.copyOf(KafkaLaneTopicWriter.INGEST_LANES);

    private static KafkaLaneTopicWriter writer(String bootstrap, TopicNames topics) {
        return new KafkaLaneTopicWriter(KafkaWriterSettings.defaults(bootstrap, TestTopics.unique("dead"),
                DELIVERY_TIMEOUT), topics, new ProtobufStoredRecordCodec(), Clock.systemUTC());
    }

    private static List<CompletableFuture<StoredLocation>> writeBatch(KafkaLaneTopicWriter writer) {
        List<CompletableFuture<StoredLocation>> results = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            results.add(writer.write(new LaneWrite(TestEvents.event("evt-" + i), LANES.get(i % LANES.size()))));
        }
        return results;
    }

    private static void awaitAll(List<CompletableFuture<StoredLocation>> results, Duration atMost) throws Exception {
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null)
                .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void givenAClusterThatWentDown_whenABatchIsWritten_thenEveryWriteFailsWithinTheDeliveryTimeout() throws Exception {
        TopicNames topics = new TopicNames(TestTopics.unique("down") + ".");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()).start();
        try (KafkaLaneTopicWriter writer = writer(broker.bootstrapServers(), topics)) {
            try {
                KafkaTestSupport.createTopics(broker.bootstrapServers(), LANES.stream().map(topics::lane).toList(), 2);
                for (Lane lane : LANES) {
                    writer.write(new LaneWrite(TestEvents.event("warm-" + lane), lane)).get(15, TimeUnit.SECONDS);
                }
            } finally {
                broker.close();
            }

            long start = System.nanoTime();
            List<CompletableFuture<StoredLocation>> results = writeBatch(writer);
            awaitAll(results, DELIVERY_TIMEOUT.plus(SLACK).plus(SLACK));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(results).allMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(elapsed).isLessThanOrEqualTo(DELIVERY_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void givenAClusterDownFromTheStart_whenABatchIsWritten_thenEveryWriteFailsWithinTheDeliveryTimeout()
            throws Exception {
        try (KafkaLaneTopicWriter writer = writer(unusedPort(), TopicNames.defaults())) {
            long start = System.nanoTime();
            List<CompletableFuture<StoredLocation>> results = writeBatch(writer);
            awaitAll(results, DELIVERY_TIMEOUT.plus(SLACK).plus(SLACK));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(results).allMatch(CompletableFuture::isCompletedExceptionally);
            assertThat(elapsed).isLessThanOrEqualTo(DELIVERY_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void givenAClusterDownFromTheStart_whenABatchIsWritten_thenTheCallerIsNotHeld() throws Exception {
        try (KafkaLaneTopicWriter writer = writer(unusedPort(), TopicNames.defaults())) {
            long start = System.nanoTime();
            List<CompletableFuture<StoredLocation>> results = writeBatch(writer);
            Duration callerHeld = Duration.ofNanos(System.nanoTime() - start);

            assertThat(callerHeld).isLessThan(Duration.ofMillis(500));
            assertThat(results).anyMatch(result -> !result.isDone());
        }
    }
}
