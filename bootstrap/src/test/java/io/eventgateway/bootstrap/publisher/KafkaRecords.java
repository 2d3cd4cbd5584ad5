package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.application.record.DecodedRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads stored records back from one Kafka cluster at the {@code topic/partition/offset} a receipt names, and
 * decodes them with the production codec: what a test asserts on is what is really stored.
 */
public final class KafkaRecords implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();

    public KafkaRecords(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "publisher-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /**
     * The record a STORED receipt names on this cluster, checked to be that event in that lane with that priority.
     */
    public DecodedRecord find(Receipt receipt) {
        assertThat(receipt.isStored()).as("receipt %s is STORED", receipt).isTrue();
        DecodedRecord record = at(receipt.location());
        assertThat(record.record().eventId()).as("event at %s", receipt.location()).isEqualTo(receipt.eventId());
        assertThat(record.lane().shortName()).as("lane of %s", receipt.eventId()).isEqualTo(receipt.lane());
        assertThat(record.record().priority().name()).as("priority of %s", receipt.eventId())
                .isEqualTo(receipt.priority());
        return record;
    }

    /** The record at {@code topic/partition/offset}, decoded. */
    public DecodedRecord at(String location) {
        int offsetSeparator = location.lastIndexOf('/');
        int partitionSeparator = location.lastIndexOf('/', offsetSeparator - 1);
        if (partitionSeparator <= 0) {
            throw new IllegalArgumentException("not a topic/partition/offset location: " + location);
        }
        TopicPartition partition = new TopicPartition(location.substring(0, partitionSeparator),
                Integer.parseInt(location.substring(partitionSeparator + 1, offsetSeparator)));
        long offset = Long.parseLong(location.substring(offsetSeparator + 1));
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() == offset) {
                    return codec.decode(record.value());
                }
                throw new AssertionError("no record at " + location + ": the next one is at offset "
                        + record.offset());
            }
        }
        throw new AssertionError("no record at " + location + " within " + READ_TIMEOUT);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
