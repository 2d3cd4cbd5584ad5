package io.eventgateway.bootstrap.recovery;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.priority.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Everything on the primary's four ingest lane topics, decoded with the production codec, read to their end. */
final class LaneTopicRecords {

    private static final ProtobufStoredRecordCodec CODEC = new ProtobufStoredRecordCodec();

    private LaneTopicRecords() {
    }

    /** One record read from a lane topic, with the redrive header when it has one. */
    record LaneRecord(String topic, DecodedRecord decoded, String redrivenFrom) {

        String eventId() {
            return decoded.record().eventId();
        }
    }

    static List<LaneRecord> readAll(String bootstrapServers, String prefix) {
        TopicNames names = new TopicNames(prefix);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "lane-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Lane lane : List.of(Lane.P30, Lane.P20, Lane.P10, Lane.OFFLOAD)) {
                consumer.partitionsFor(names.lane(lane), Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            List<LaneRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("lane topics not read to their end within 30 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header from = record.headers().lastHeader("eg-redriven-from");
                    records.add(new LaneRecord(record.topic(), CODEC.decode(record.value()),
                            from == null ? null : new String(from.value(), StandardCharsets.UTF_8)));
                }
            }
            return records;
        }
    }
}
