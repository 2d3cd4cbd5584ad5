package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes stored records straight onto lane topics, as a publisher would, so a test chooses each record's lane,
 * partition and deadline exactly.
 */
final class LaneRecords implements AutoCloseable {

    private static final ProtobufStoredRecordCodec CODEC = new ProtobufStoredRecordCodec();

    private final TopicNames names;
    private final KafkaProducer<byte[], byte[]> producer;

    LaneRecords(String bootstrapServers, String prefix) {
        this.names = new TopicNames(prefix);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicPlan.MAX_RECORD_BATCH_BYTES,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** A fresh event of {@code priority}, ingested now and due at {@code deadline}, with a payload of that size. */
    static EventRecord event(Priority priority, Instant ingestedAt, Instant deadline, int payloadBytes) {
        return new EventRecord(UUID.randomUUID().toString(), "acme", "checkout", "order.created", null,
                Payload.wrap(new byte[payloadBytes]), Map.of(), priority, ingestedAt, deadline, 0, 0, null, null);
    }

    static EventRecord event(Priority priority, Duration dueIn) {
        Instant now = Instant.now();
        return event(priority, now, now.plus(dueIn), 64);
    }

    static DecodedRecord decode(byte[] storedRecord) {
        return CODEC.decode(storedRecord);
    }

    String topic(Lane lane) {
        return lane == Lane.RETRY ? names.retry(1) : names.lane(lane);
    }

    /** Writes {@code event} to {@code partition} of {@code lane}'s topic (retry level 1 for the retry lane). */
    SourcePosition write(Lane lane, int partition, EventRecord event) {
        try {
            RecordMetadata metadata = send(lane, partition, event).get(30, TimeUnit.SECONDS);
            return new SourcePosition(metadata.topic(), metadata.partition(), metadata.offset());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic(lane) + "-" + partition, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting; {@link #flush()} waits for every send. */
    Future<RecordMetadata> send(Lane lane, int partition, EventRecord event) {
        return producer.send(new ProducerRecord<>(topic(lane), partition,
                event.partitionKey().getBytes(StandardCharsets.UTF_8), CODEC.encode(event, lane)));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
