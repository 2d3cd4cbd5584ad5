package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.publish.NonBlockingSender;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DeadLetterWriter;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes dead records to the DLQ topic with one idempotent {@code acks=all} producer. The value is the record's
 * stored-record encoding (the lane it was read from, so a redrive can put it back), the key its partition key, and
 * headers say why and from where, for triage and for a filtered redrive. Never blocks the caller (see
 * {@link NonBlockingSender}); the future completes when the DLQ acked the write.
 */
public final class KafkaDeadLetterWriter implements DeadLetterWriter, AutoCloseable {

    public static final String REASON_HEADER = "eg-reason";
    public static final String DELIVERIES_HEADER = "eg-deliveries";
    public static final String SOURCE_TOPIC_HEADER = "eg-source-topic";
    public static final String SOURCE_PARTITION_HEADER = "eg-source-partition";
    public static final String SOURCE_OFFSET_HEADER = "eg-source-offset";
    /** ISO-8601 instant of the write. */
    public static final String FAILED_AT_HEADER = "eg-failed-at";

    private final TopicNames topicNames;
    private final String topic;
    private final StoredRecordCodec codec;
    private final Clock clock;
    private final NonBlockingSender sender;

    public KafkaDeadLetterWriter(KafkaWriterSettings settings, TopicNames topicNames, StoredRecordCodec codec,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.topicNames = Objects.requireNonNull(topicNames, "topicNames");
        this.topic = topicNames.dlq();
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new NonBlockingSender("eg-dlq-writer-" + settings.clusterName(), settings, clock);
        sender.warmUp(topic);
    }

    /**
     * Fails (without writing) when {@code source} is not a lane or retry topic of this naming: the lane the stored
     * record must carry would be a guess, and a wrong topic prefix is a wiring error to find at once.
     */
    @Override
    public CompletableFuture<Void> write(EventRecord record, SourcePosition source, String reason, int deliveries) {
        ProducerRecord<byte[], byte[]> deadLetter;
        try {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
            if (deliveries < 0) {
                throw new IllegalArgumentException("deliveries must be >= 0, was " + deliveries);
            }
            Lane lane = topicNames.laneOf(source.topic()).orElseThrow(() -> new IllegalArgumentException(
                    "source topic " + source.topic() + " is not a lane topic under prefix '" + topicNames.prefix()
                            + "'"));
            List<Header> headers = List.of(
                    header(REASON_HEADER, reason),
                    header(DELIVERIES_HEADER, Integer.toString(deliveries)),
                    header(SOURCE_TOPIC_HEADER, source.topic()),
                    header(SOURCE_PARTITION_HEADER, Integer.toString(source.partition())),
                    header(SOURCE_OFFSET_HEADER, Long.toString(source.offset())),
                    header(FAILED_AT_HEADER, clock.instant().toString()));
            deadLetter = new ProducerRecord<>(topic, null, utf8(record.partitionKey()), codec.encode(record, lane),
                    headers);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.send(deadLetter).thenApply(metadata -> null);
    }

    @Override
    public void close() {
        sender.close();
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, utf8(value));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
