package io.eventgateway.adapters.kafka.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.recovery.FailedWrite;
import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedriveSource;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recovery role's feed on the real broker: where a partition starts, and that a lost position stops it. */
class KafkaFailedWriteFeedIntegrationTest {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Instant INGESTED = Instant.parse("2026-11-23T10:00:00Z");

    private final TopicNames names = new TopicNames(TestTopics.unique("feed") + ".");
    private final String group = names.failedWrites() + "-recovery";
    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private KafkaFailedWriteFeed feed;

    @AfterEach
    void close() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void aPartitionTheGroupNeverCommittedOnIsReadFromItsFirstRecord() throws Exception {
        createTopic();
        send(0, "first");
        send(0, "second");

        feed = startFeed();

        assertThat(idsPolledUntil(2)).containsExactly("first", "second");
        assertThat(failures).isEmpty();
    }

    @Test
    void aCommittedPositionOutOfTheLogsRangeStopsItsPartitionWithAnAlertAndNeverResetsIt() throws Exception {
        createTopic();
        send(0, "deleted-before-redriven");
        send(1, "other-partition");
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(names.failedWrites(), 0),
                    new OffsetAndMetadata(100))).all().get();
        }

        feed = startFeed();

        assertThat(idsPolledUntil(1)).containsExactly("other-partition");
        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(feed.poll()).isEmpty();
            assertThat(failures).containsExactly("offset_out_of_range");
        });
        send(0, "after-the-loss");
        for (int i = 0; i < 5; i++) {
            assertThat(feed.poll()).as("a stopped partition delivers nothing").isEmpty();
        }
        assertThat(failures).hasSize(1);
    }

    private KafkaFailedWriteFeed startFeed() {
        return new KafkaFailedWriteFeed(new FailedWriteFeedSettings(SharedKafkaBroker.bootstrapServers(), group,
                Duration.ofMillis(200), 100, Duration.ofSeconds(10)), names, codec, new RecordingMetrics());
    }

    private List<String> idsPolledUntil(int count) {
        List<String> ids = new CopyOnWriteArrayList<>();
        await().atMost(AT_MOST).until(() -> {
            for (FailedWrite write : feed.poll()) {
                ids.add(((FailedWrite.Readable) write).write().record().eventId());
            }
            return ids.size() >= count;
        });
        return ids;
    }

    private void createTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(names.failedWrites(), 2, (short) 1))).all().get();
        }
    }

    private void send(int partition, String eventId) throws Exception {
        EventRecord event = new EventRecord(eventId, "acme", "billing", "invoice.created", null,
                Payload.wrap(new byte[] {1, 2, 3}), Map.of(), Priority.P20, INGESTED, INGESTED.plusSeconds(60), 0, 0,
                null, null);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(names.failedWrites(), partition, null, codec.encode(event, Lane.P20)))
                    .get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()));
    }

    private final class RecordingMetrics implements RecoveryMetrics {

        @Override
        public void onRedriven(RedriveSource source, Lane lane) {
        }

        @Override
        public void onFailure(RedriveSource source, String reason) {
            failures.add(reason);
        }

        @Override
        public void onPending(RedriveSource source, long records) {
        }
    }
}
