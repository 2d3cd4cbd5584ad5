package io.eventgateway.adapters.kafka.recovery;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.publish.NonBlockingSender;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.recovery.RedriveItem;
import io.eventgateway.application.recovery.RedriveMark;
import io.eventgateway.application.recovery.RedriveWriter;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes redriven records to the primary's lane topics with one idempotent {@code acks=all} producer: the value is
 * the stored-record encoding, the key the partition key (so a redriven copy lands on the partition of any earlier
 * copy, where the orchestrator's dedup window catches it), and a redrive mark, when there is one, travels as the
 * {@value #REDRIVEN_FROM_HEADER} and {@value #REDRIVEN_AT_HEADER} headers. Never blocks the caller (see
 * {@link NonBlockingSender}).
 */
public final class KafkaRedriveWriter implements RedriveWriter, AutoCloseable {

    /** Where a redriven record came from, e.g. {@code eg.dlq/2/417}. */
    public static final String REDRIVEN_FROM_HEADER = "eg-redriven-from";
    /** ISO-8601 instant of the redrive. */
    public static final String REDRIVEN_AT_HEADER = "eg-redriven-at";

    private final TopicNames topicNames;
    private final StoredRecordCodec codec;
    private final String clusterName;
    private final NonBlockingSender sender;

    public KafkaRedriveWriter(KafkaWriterSettings settings, TopicNames topicNames, StoredRecordCodec codec,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.topicNames = Objects.requireNonNull(topicNames, "topicNames");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clusterName = settings.clusterName();
        this.sender = new NonBlockingSender("eg-redrive-" + clusterName, settings, clock);
    }

    /** Fails (without writing) for the retry lane: retry topics are written by the orchestrator only. */
    @Override
    public CompletableFuture<StoredLocation> write(RedriveItem item) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = toProducerRecord(item);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.send(record).thenApply(metadata -> new StoredLocation.Primary(
                clusterName, metadata.topic(), metadata.partition(), metadata.offset()));
    }

    @Override
    public void close() {
        sender.close();
    }

    private ProducerRecord<byte[], byte[]> toProducerRecord(RedriveItem item) {
        LaneWrite write = item.write();
        EventRecord event = write.record();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topicNames.lane(write.lane()),
                utf8(event.partitionKey()), codec.encode(event, write.lane()));
        if (item.mark().isPresent()) {
            RedriveMark mark = item.mark().get();
            record.headers().add(REDRIVEN_FROM_HEADER, utf8(mark.from()));
            record.headers().add(REDRIVEN_AT_HEADER, utf8(mark.at().toString()));
        }
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
