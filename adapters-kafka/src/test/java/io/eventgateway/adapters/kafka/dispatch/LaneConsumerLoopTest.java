package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the broker rarely does on demand, driven through Kafka's MockConsumer. */
class LaneConsumerLoopTest {

    private static final Duration AT_MOST = Duration.ofSeconds(10);
    private static final TopicPartition COMMITTED = new TopicPartition("eg.p30", 0);
    private static final TopicPartition FRESH = new TopicPartition("eg.p30", 1);

    /** MockConsumer keeps commits only for assigned partitions; this one has a commit from before the start. */
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("none") {
        @Override
        public synchronized Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions,
                Duration timeout) {
            return Map.of(COMMITTED, new OffsetAndMetadata(5));
        }
    };
    private final RecordingLaneSink sink = new RecordingLaneSink();
    private LaneConsumerLoop loop;

    @BeforeEach
    void startWithOneCommittedAndOneFreshPartition() {
        consumer.updateBeginningOffsets(Map.of(COMMITTED, 0L, FRESH, 0L));
        consumer.updateEndOffsets(Map.of(COMMITTED, 5L, FRESH, 1L));
        consumer.schedulePollTask(() -> consumer.setPollException(
                new NoOffsetForPartitionException(List.of(COMMITTED, FRESH))));
        loop = new LaneConsumerLoop(Lane.P30, List.of(new SourcePartition("eg.p30", 0),
                new SourcePartition("eg.p30", 1)), OrchestratorKafkaSettings.defaults("localhost:9", 0, 1), sink,
                new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), consumer);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void givenAPartitionLosesItsPositionAfterACommit_thenOnlyThatPartitionStops() {
        loop.start();

        await().atMost(AT_MOST).until(() -> !loop.stoppedPartitions().isEmpty());
        assertThat(loop.stoppedPartitions()).containsExactly(new SourcePartition("eg.p30", 0));
    }

    @Test
    void givenAPartitionWithoutACommitLosesItsPosition_thenItReadsFromTheBeginningAgain() {
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>("eg.p30", 1, 0, null,
                "first".getBytes(StandardCharsets.UTF_8))));

        loop.start();

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.valuesOf("eg.p30", 1)).containsExactly("first"));
        assertThat(loop.stoppedPartitions()).doesNotContain(new SourcePartition("eg.p30", 1));
    }
}
