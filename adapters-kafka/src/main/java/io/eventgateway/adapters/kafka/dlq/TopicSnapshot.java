package io.eventgateway.adapters.kafka.dlq;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of one topic up to its end as it was when the read began, with a consumer of its own and
 * no group: an admin command's read that commits nothing and cannot loop on records written while it runs.
 */
final class TopicSnapshot {

    private final DlqReaderSettings settings;

    TopicSnapshot(DlqReaderSettings settings) {
        this.settings = settings;
    }

    @FunctionalInterface
    interface RecordVisitor {
        /** @return whether to go on reading */
        boolean visit(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
    }

    /**
     * @param from start at the first record at or after this timestamp in each partition; empty: from the start
     * @throws DlqUnavailableException when the cluster does not answer or the topic does not exist
     */
    void read(String topic, Optional<Instant> from, RecordVisitor visitor) throws InterruptedException {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, settings.requestTimeout());
            consumer.assign(partitions);
            seekToStart(consumer, partitions, from, end);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition, settings.requestTimeout()) < end.get(partition)) {
                    remaining.put(partition, end.get(partition));
                }
            }
            consumer.pause(partitions.stream().filter(partition -> !remaining.containsKey(partition)).toList());
            while (!remaining.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("reading " + topic + " was interrupted");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.pollTimeout())) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long stop = remaining.get(partition);
                    if (stop == null || record.offset() >= stop) {
                        continue;
                    }
                    if (!visitor.visit(record)) {
                        return;
                    }
                    if (record.offset() + 1 >= stop) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                // Transaction markers and compacted-away records leave gaps: the position says when a partition is done.
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition, settings.requestTimeout()) >= remaining.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        } catch (KafkaException e) {
            throw unavailable(topic, e);
        }
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.requestTimeout());
        if (infos == null || infos.isEmpty()) {
            throw new DlqUnavailableException("topic " + topic + " does not exist on the primary cluster at "
                    + settings.bootstrapServers() + " (run 'event-gateway topics apply')", null);
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private void seekToStart(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Optional<Instant> from, Map<TopicPartition, Long> end) {
        if (from.isEmpty()) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, from.get().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, settings.requestTimeout());
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = found.get(partition);
            consumer.seek(partition, start == null ? end.get(partition) : start.offset());
        }
    }

    private DlqUnavailableException unavailable(String topic, KafkaException cause) {
        return new DlqUnavailableException("cannot read " + topic + " on the primary cluster at "
                + settings.bootstrapServers() + " (no answer within " + settings.requestTimeout() + "?): "
                + cause.getMessage(), cause);
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eg-dlq-admin");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
