package io.eventgateway.bootstrap.ledger;

import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.StoredRecordCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the event ids in a dead-letter topic from its beginning to its end as of the call, with a plain consumer
 * (assigned, no group, committed records only). A record that does not decode is counted, not fatal.
 */
public final class DeadLetterIds {

    private DeadLetterIds() {
    }

    public record Contents(Set<String> eventIds, long undecodable) {
        public Contents {
            eventIds = Set.copyOf(eventIds);
        }
    }

    /** @throws IllegalStateException when the topic does not exist or is not read to its end within {@code timeout} */
    public static Contents read(String bootstrapServers, String topic, StoredRecordCodec codec, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "eventgateway-dlq-reader");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("the dead-letter topic " + topic + " does not exist at "
                        + bootstrapServers);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
            Set<String> ids = new HashSet<>();
            long undecodable = 0;
            Instant giveUp = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, ends)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("the dead-letter topic " + topic + " was not read to its end in "
                            + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        undecodable++;
                        continue;
                    }
                    try {
                        ids.add(codec.decode(record.value()).record().eventId());
                    } catch (CorruptRecordException e) {
                        undecodable++;
                    }
                }
            }
            return new Contents(ids, undecodable);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
