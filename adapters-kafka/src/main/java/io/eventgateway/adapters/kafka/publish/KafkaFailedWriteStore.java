package io.eventgateway.adapters.kafka.publish;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.FailedWriteStore;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Keeps what the publisher could not write to the primary on the alternate cluster's failed-writes topic, for
 * recovery to re-drive. The value is the stored-record encoding, which holds the lane, priority and deadline; the
 * key is the partition key, as on the lane topics; the {@value #LANE_HEADER} header names the lane so recovery
 * can route a record without decoding it.
 *
 * <p>Same producer settings and the same non-blocking, time-bounded writes as {@link KafkaLaneTopicWriter}.
 */
public final class KafkaFailedWriteStore implements FailedWriteStore, AutoCloseable {

    /** The header holding the lane's short name ({@code p30}, {@code offload}, ...). */
    public static final String LANE_HEADER = "eg-lane";

    private final String topic;
    private final StoredRecordCodec codec;
    private final NonBlockingSender sender;

    public KafkaFailedWriteStore(KafkaWriterSettings settings, TopicNames topicNames, StoredRecordCodec codec,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.topic = Objects.requireNonNull(topicNames, "topicNames").failedWrites();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.sender = new NonBlockingSender("eg-failed-writes-" + settings.clusterName(), settings, clock);
        sender.warmUp(topic);
    }

    @Override
    public CompletableFuture<StoredLocation> write(LaneWrite write) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = toProducerRecord(write);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.send(record).thenApply(metadata -> new StoredLocation.Alternate(
                metadata.topic(), metadata.partition(), metadata.offset()));
    }

    @Override
    public void close() {
        sender.close();
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(LaneWrite write) {
        EventRecord event = write.record();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                event.partitionKey().getBytes(StandardCharsets.UTF_8), codec.encode(event, write.lane()));
        record.headers().add(LANE_HEADER, write.lane().shortName().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
