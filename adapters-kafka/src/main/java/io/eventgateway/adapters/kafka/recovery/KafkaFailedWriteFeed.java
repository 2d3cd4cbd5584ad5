package io.eventgateway.adapters.kafka.recovery;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.recovery.FailedWrite;
import io.eventgateway.application.recovery.FailedWriteFeed;
import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedriveFailedException;
import io.eventgateway.application.recovery.RedriveSource;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failed-writes topic through a consumer group with manual commits: the recovery role commits a batch only
 * after the primary acked it, and rewinds it otherwise. A partition starts from its earliest record when the group
 * has committed nothing on it: everything on this topic is owed to the primary. A committed offset that has fallen
 * out of the log's range means records were deleted before they were redriven: that partition stops (paused, an
 * error logged and counted as the failure {@code offset_out_of_range}) and is never reset to either end, which would
 * hide the loss or redrive everything again.
 *
 * <p>Not thread-safe, like the Kafka consumer it wraps: one loop calls it; only {@link #wakeup()} may be called from
 * another thread.
 */
public final class KafkaFailedWriteFeed implements FailedWriteFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFailedWriteFeed.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final FailedWriteFeedSettings settings;
    private final String topic;
    private final StoredRecordCodec codec;
    private final RecoveryMetrics metrics;
    private final Consumer<byte[], byte[]> consumer;
    private final Set<TopicPartition> stopped = new HashSet<>();

    public KafkaFailedWriteFeed(FailedWriteFeedSettings settings, TopicNames topicNames, StoredRecordCodec codec,
            RecoveryMetrics metrics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topic = Objects.requireNonNull(topicNames, "topicNames").failedWrites();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.consumer = new KafkaConsumer<>(consumerProperties(settings));
        consumer.subscribe(List.of(topic));
    }

    @Override
    public List<FailedWrite> poll() {
        List<FailedWrite> batch = new ArrayList<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(settings.pollTimeout())) {
                batch.add(toFailedWrite(record));
            }
        } catch (WakeupException e) {
            // wakeup(): the role is stopping; its loop sees that and ends.
        } catch (NoOffsetForPartitionException e) {
            // Only raised where the group committed nothing (auto.offset.reset=none): start at the beginning.
            consumer.seekToBeginning(e.partitions());
        } catch (OffsetOutOfRangeException e) {
            stop(e.partitions(), e.offsetOutOfRangePartitions());
        }
        return batch;
    }

    private void stop(Set<TopicPartition> partitions, Map<TopicPartition, Long> positions) {
        consumer.pause(partitions);
        for (TopicPartition partition : partitions) {
            // A rebalance hands the partition back unpaused; it stops again, but is reported once.
            if (stopped.add(partition)) {
                metrics.onFailure(RedriveSource.FAILED_WRITES, "offset_out_of_range");
                LOG.error("recovery: failed-writes partition {} is STOPPED: its committed position {} is out of the"
                        + " log's range, so records were deleted before they were redriven. It is not reset to either"
                        + " end, which would hide the loss or redrive everything again. Find what was lost (see the"
                        + " runbook), set the group's offset by hand, then restart the recovery role.", partition,
                        positions.get(partition));
            }
        }
    }

    @Override
    public void commit(List<FailedWrite> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (FailedWrite write : batch) {
            TopicPartition partition = partitionOf(write.position());
            long after = write.position().offset() + 1;
            next.merge(partition, new OffsetAndMetadata(after),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(next, settings.commitTimeout());
        } catch (KafkaException e) {
            throw new RedriveFailedException("could not commit " + batch.size() + " redriven records of " + topic
                    + " on the alternate cluster: " + e.getMessage(), e);
        }
    }

    @Override
    public void rewind(List<FailedWrite> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (FailedWrite write : batch) {
            first.merge(partitionOf(write.position()), write.position().offset(), Math::min);
        }
        Set<TopicPartition> assigned = consumer.assignment();
        // A partition handed to another consumer meanwhile restarts from its committed offset there.
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    @Override
    public OptionalLong pending() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty()) {
                return OptionalLong.empty();
            }
            total += lag.getAsLong();
        }
        return OptionalLong.of(total);
    }

    /** Makes a blocked {@link #poll()} return at once (empty); safe from any thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    /** Leaves the group; call from the polling thread once its loop ended. */
    @Override
    public void close() {
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (KafkaException e) {
            LOG.warn("closing the failed-writes consumer of {} failed ({})", topic, e.toString());
        }
    }

    private FailedWrite toFailedWrite(ConsumerRecord<byte[], byte[]> record) {
        SourcePosition position = new SourcePosition(record.topic(), record.partition(), record.offset());
        try {
            DecodedRecord decoded = codec.decode(record.value());
            return new FailedWrite.Readable(position, new LaneWrite(decoded.record(), decoded.lane()));
        } catch (CorruptRecordException e) {
            LOG.error("failed-writes record {}/{}/{} is no stored record and cannot be redriven; it stays on the"
                    + " alternate cluster for triage: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return new FailedWrite.Unreadable(position, e.getMessage());
        }
    }

    private static TopicPartition partitionOf(SourcePosition position) {
        return new TopicPartition(position.topic(), position.partition());
    }

    private static Map<String, Object> consumerProperties(FailedWriteFeedSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eg-recovery-" + settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }
}
