package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaDeadLetterWriterIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant INGESTED_AT = Instant.parse("2026-11-22T09:59:00.123Z");

    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
    private DispatchTopics topics;
    private KafkaDeadLetterWriter writer;

    @BeforeEach
    void createTopics() {
        topics = new DispatchTopics(1, 1, 1);
        writer = new KafkaDeadLetterWriter(KafkaWriterSettings.defaults(topics.bootstrapServers, "primary",
                Duration.ofSeconds(20)), topics.names, codec, new MutableClock(NOW));
    }

    @AfterEach
    void close() {
        writer.close();
        topics.close();
    }

    private static EventRecord event() {
        return new EventRecord("evt-1", "acme", "checkout", "order.created", "order-9",
                Payload.wrap("{\"id\":1}".getBytes(StandardCharsets.UTF_8)), Map.of("region", "eu"), Priority.P20,
                INGESTED_AT, INGESTED_AT.plusSeconds(60), 3, 0, null, "timeout");
    }

    private ConsumerRecord<byte[], byte[]> readDeadLetter() {
        TopicPartition dlq = new TopicPartition(topics.names.dlq(), 0);
        AtomicReference<ConsumerRecord<byte[], byte[]>> found = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(dlq));
            consumer.seekToBeginning(List.of(dlq));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(found::set);
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void writesTheStoredRecordWithItsLaneKeyedByItsPartitionKey() throws Exception {
        SourcePosition source = new SourcePosition(topics.names.retry(2), 0, 41);

        writer.write(event(), source, "max deliveries exceeded", 5).get(30, TimeUnit.SECONDS);

        ConsumerRecord<byte[], byte[]> deadLetter = readDeadLetter();
        assertThat(codec.decode(deadLetter.value())).isEqualTo(new DecodedRecord(event(), Lane.RETRY));
        assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("order-9");
    }

    @Test
    void theHeadersSayWhyWhenAndFromWhere() throws Exception {
        SourcePosition source = new SourcePosition(topics.names.lane(Lane.P20), 0, 41);

        writer.write(event(), source, "processor failure", 2).get(30, TimeUnit.SECONDS);

        assertThat(headers(readDeadLetter())).containsExactlyInAnyOrderEntriesOf(Map.of(
                KafkaDeadLetterWriter.REASON_HEADER, "processor failure",
                KafkaDeadLetterWriter.DELIVERIES_HEADER, "2",
                KafkaDeadLetterWriter.SOURCE_TOPIC_HEADER, topics.names.lane(Lane.P20),
                KafkaDeadLetterWriter.SOURCE_PARTITION_HEADER, "0",
                KafkaDeadLetterWriter.SOURCE_OFFSET_HEADER, "41",
                KafkaDeadLetterWriter.FAILED_AT_HEADER, "2026-11-22T10:00:00Z"));
    }

    @Test
    void aSourceThatIsNotALaneTopicFailsTheWriteWithoutWriting() {
        Throwable failure = catchThrowable(() -> writer.write(event(), new SourcePosition("other.p20", 0, 1),
                "processor failure", 1).get(30, TimeUnit.SECONDS));

        assertThat(failure).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.p20");
    }
}
