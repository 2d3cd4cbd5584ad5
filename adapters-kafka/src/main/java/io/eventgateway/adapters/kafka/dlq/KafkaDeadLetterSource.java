package io.eventgateway.adapters.kafka.dlq;

import io.eventgateway.adapters.kafka.dispatch.HandoffHeaders;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.recovery.DeadLetter;
import io.eventgateway.application.recovery.DeadLetterSource;
import io.eventgateway.application.recovery.DeadLetterVisitor;
import io.eventgateway.application.recovery.DlqScan;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the DLQ topic of the primary cluster, as the orchestrator writes it (see {@link HandoffHeaders}): the value is the
 * stored-record encoding (with the lane the record died in), the headers say why and when. Headers are read
 * tolerantly: one that is absent or unparsable is unknown, so records of older writers still show and redrive.
 */
public final class KafkaDeadLetterSource implements DeadLetterSource {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetterSource.class);

    private final TopicSnapshot snapshot;
    private final String topic;
    private final StoredRecordCodec codec;

    public KafkaDeadLetterSource(DlqReaderSettings settings, TopicNames topicNames, StoredRecordCodec codec) {
        this.snapshot = new TopicSnapshot(Objects.requireNonNull(settings, "settings"));
        this.topic = Objects.requireNonNull(topicNames, "topicNames").dlq();
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** @throws DlqUnavailableException when the primary cluster does not answer or the DLQ topic is missing */
    @Override
    public DlqScan scan(Optional<Instant> from, DeadLetterVisitor visitor) throws InterruptedException {
        long[] counts = {0, 0};
        snapshot.read(topic, from, record -> {
            counts[0]++;
            Optional<DeadLetter> letter = toDeadLetter(record);
            if (letter.isEmpty()) {
                counts[1]++;
                return true;
            }
            return visitor.visit(letter.get());
        });
        return new DlqScan(counts[0], counts[1]);
    }

    private Optional<DeadLetter> toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        DecodedRecord decoded;
        try {
            decoded = codec.decode(record.value());
        } catch (CorruptRecordException e) {
            LOG.warn("DLQ record {}/{}/{} is no stored record; skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
        Headers headers = record.headers();
        return Optional.of(new DeadLetter(
                new SourcePosition(record.topic(), record.partition(), record.offset()),
                decoded.record(),
                decoded.lane(),
                text(headers, HandoffHeaders.REASON),
                number(headers, HandoffHeaders.ATTEMPTS),
                number(headers, HandoffHeaders.DELIVERIES),
                instant(headers, HandoffHeaders.FAILED_AT),
                instant(headers, HandoffHeaders.FIRST_FAILED_AT),
                Instant.ofEpochMilli(Math.max(0, record.timestamp()))));
    }

    private static Optional<String> text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static OptionalInt number(Headers headers, String key) {
        Optional<String> value = text(headers, key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<Instant> instant(Headers headers, String key) {
        Optional<String> value = text(headers, key);
        try {
            return value.map(String::trim).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
