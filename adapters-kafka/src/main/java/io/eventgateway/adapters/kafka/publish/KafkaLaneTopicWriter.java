package io.eventgateway.adapters.kafka.publish;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.LaneTopicWriter;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes ingested records to the lane topics of one cluster (primary or rollout): one idempotent {@code acks=all}
 * producer per lane, so a slow or failing lane does not hold up the others.
 *
 * <p>The record key is the event's partition key (group key, else event id), so Kafka's default partitioner puts
 * every copy of an event (a producer retry, a fallback later recovered) on the same partition, where the
 * orchestrator's dedup window catches it. The value is the stored-record encoding, which carries the lane.
 *
 * <p>{@link #write} never blocks the caller, and every write's outcome is known within
 * {@link KafkaWriterSettings#deliveryTimeout()} (see {@link NonBlockingSender}).
 */
public final class KafkaLaneTopicWriter implements LaneTopicWriter, AutoCloseable {

    /** The lanes ingest writes to; retries are written by the orchestrator, one topic per level. */
    public static final Set<Lane> INGEST_LANES =
            Collections.unmodifiableSet(EnumSet.of(Lane.P30, Lane.P20, Lane.P10, Lane.OFFLOAD));

    private final String clusterName;
    private final StoredRecordCodec codec;
    private final Map<Lane, String> topics = new EnumMap<>(Lane.class);
    private final Map<Lane, NonBlockingSender> senders = new EnumMap<>(Lane.class);

    public KafkaLaneTopicWriter(KafkaWriterSettings settings, TopicNames topicNames, StoredRecordCodec codec,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(topicNames, "topicNames");
        this.clusterName = settings.clusterName();
        this.codec = Objects.requireNonNull(codec, "codec");
        try {
            for (Lane lane : INGEST_LANES) {
                String topic = topicNames.lane(lane);
                NonBlockingSender sender = new NonBlockingSender(
                        "eg-writer-" + clusterName + "-" + lane.shortName(), settings, clock);
                sender.warmUp(topic);
                topics.put(lane, topic);
                senders.put(lane, sender);
            }
        } catch (RuntimeException e) {
            // A producer that cannot be built (bad extra config) must not leak the lanes already started.
            try {
                close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public CompletableFuture<StoredLocation> write(LaneWrite write) {
        NonBlockingSender sender = senders.get(write.lane());
        if (sender == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "ingest writes only to the lanes " + INGEST_LANES + ", not " + write.lane()));
        }
        ProducerRecord<byte[], byte[]> record;
        try {
            record = toProducerRecord(topics.get(write.lane()), write);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.send(record).thenApply(metadata -> new StoredLocation.Primary(
                clusterName, metadata.topic(), metadata.partition(), metadata.offset()));
    }

    /** Closes every lane's producer, each bounded by the delivery timeout. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (NonBlockingSender sender : senders.values()) {
            try {
                sender.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(String topic, LaneWrite write) {
        EventRecord event = write.record();
        // Encoded here, on the caller's thread, so the lane's single send thread only hands bytes over.
        byte[] value = codec.encode(event, write.lane());
        return new ProducerRecord<>(topic, event.partitionKey().getBytes(StandardCharsets.UTF_8), value);
    }
}
