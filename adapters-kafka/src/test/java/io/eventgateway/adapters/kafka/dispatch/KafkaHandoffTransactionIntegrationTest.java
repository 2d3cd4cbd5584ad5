package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.MutableClock;
import io.eventgateway.application.dispatch.DeadLetterCause;
import io.eventgateway.application.dispatch.Handoff;
import io.eventgateway.application.dispatch.HandoffTarget;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-offs travel in the commit transaction: written with the positions that cover their source offsets. */
class KafkaHandoffTransactionIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
    private DispatchTopics topics;
    private KafkaHandoffWriter handoffs;
    private KafkaOffsetCommitter committer;

    @BeforeEach
    void start() throws Exception {
        topics = new DispatchTopics(1, 1, 1);
        handoffs = new KafkaHandoffWriter(topics.names, codec, new MutableClock(NOW));
        committer = new KafkaOffsetCommitter(topics.settings(0, 1), Map::of, handoffs);
        committer.start().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        committer.close();
        topics.close();
    }

    private static EventRecord event(String id) {
        return new EventRecord(id, "acme", "checkout", "order.created", "order-9",
                Payload.wrap("{\"id\":1}".getBytes(StandardCharsets.UTF_8)), Map.of("region", "eu"), Priority.P20,
                NOW.minusSeconds(60), NOW.plusSeconds(60), 3, 0, null, "timeout");
    }

    private SourcePosition source(long offset) {
        return new SourcePosition(topics.names.lane(Lane.P20), 0, offset);
    }

    @Test
    void aDeadLetterIsWrittenWithItsHeadersInTheTransactionThatCommitsItsSourceOffset() throws Exception {
        CompletableFuture<Void> written = handoffs.write(new Handoff(new HandoffTarget.DeadLetter(
                DeadLetterCause.PROCESSOR_FAIL, "schema mismatch", 2, 4), event("evt-1"), source(41),
                NOW.minusSeconds(30)));
        AtomicBoolean writtenBeforePositions = new AtomicBoolean();
        SourcePartition lane = new SourcePartition(topics.names.lane(Lane.P20), 0);

        Map<SourcePartition, OffsetCommit> committed = committer.commit(() -> {
            writtenBeforePositions.set(written.isDone() && !written.isCompletedExceptionally());
            return Map.of(lane, new OffsetCommit(42, "", 0));
        }).get(30, TimeUnit.SECONDS);

        assertThat(writtenBeforePositions).isTrue();
        assertThat(committed).containsEntry(lane, new OffsetCommit(42, "", 0));
        ConsumerRecord<byte[], byte[]> deadLetter = readCommitted(topics.names.dlq()).get(0);
        DecodedRecord decoded = codec.decode(deadLetter.value());
        assertThat(decoded.record().eventId()).isEqualTo("evt-1");
        assertThat(decoded.lane()).isEqualTo(Lane.P20);
        assertThat(headers(deadLetter)).containsEntry(HandoffHeaders.REASON, "schema mismatch")
                .containsEntry(HandoffHeaders.DELIVERIES, "2")
                .containsEntry(HandoffHeaders.ATTEMPTS, "4")
                .containsEntry(HandoffHeaders.SOURCE_TOPIC, topics.names.lane(Lane.P20))
                .containsEntry(HandoffHeaders.SOURCE_PARTITION, "0")
                .containsEntry(HandoffHeaders.SOURCE_OFFSET, "41")
                .containsEntry(HandoffHeaders.FAILED_AT, NOW.toString())
                .containsEntry(HandoffHeaders.FIRST_FAILED_AT, NOW.minusSeconds(30).toString());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers))) {
            assertThat(admin.listConsumerGroupOffsets(topics.groupId).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(lane.topic(), 0)).offset()).isEqualTo(42);
        }
    }

    @Test
    void aRetryLevelRecordGoesToItsLevelsTopicAsARetryLaneRecord() throws Exception {
        EventRecord retried = event("evt-2").withDelayUntil(NOW.plusSeconds(5));
        handoffs.write(new Handoff(new HandoffTarget.RetryLevel(2), retried, source(7), NOW.minusSeconds(1)));

        committer.commit(Map::of).get(30, TimeUnit.SECONDS);

        ConsumerRecord<byte[], byte[]> record = readCommitted(topics.names.retry(2)).get(0);
        assertThat(codec.decode(record.value()).lane()).isEqualTo(Lane.RETRY);
        assertThat(codec.decode(record.value()).record().delayUntil()).isEqualTo(NOW.plusSeconds(5));
        assertThat(headers(record)).containsEntry(HandoffHeaders.FIRST_FAILED_AT, NOW.minusSeconds(1).toString());
    }

    @Test
    void whenTheTransactionAbortsAfterTheHandOffsTheyAreWrittenAgainWithTheNextCommit() throws Exception {
        handoffs.write(new Handoff(new HandoffTarget.Offload(), event("evt-3"), source(9), null));

        Throwable failure = committer.commit(() -> {
            throw new IllegalStateException("positions unavailable");
        }).handle((ignored, thrown) -> thrown).get(30, TimeUnit.SECONDS);
        assertThat(failure).hasMessageContaining("positions unavailable");
        assertThat(committer.pendingHandoffs()).isEqualTo(1);

        committer.commit(Map::of).get(30, TimeUnit.SECONDS);

        assertThat(readCommitted(topics.names.lane(Lane.OFFLOAD))).hasSize(1);
        assertThat(committer.pendingHandoffs()).isZero();
    }

    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(found::add);
                return !found.isEmpty();
            });
        }
        return found;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
