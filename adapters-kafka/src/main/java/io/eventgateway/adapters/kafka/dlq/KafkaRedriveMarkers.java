package io.eventgateway.adapters.kafka.dlq;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.publish.NonBlockingSender;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.recovery.RedriveMark;
import io.eventgateway.application.recovery.RedriveMarkers;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redrive markers on the compacted marker topic of the primary cluster: the key is the DLQ position
 * ({@code topic/partition/offset}), the value the instant of the redrive; compaction keeps one record per
 * position, so the topic grows with what was redriven, not with how often it was asked for.
 */
public final class KafkaRedriveMarkers implements RedriveMarkers, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRedriveMarkers.class);

    private final TopicSnapshot snapshot;
    private final String topic;
    private final NonBlockingSender sender;

    public KafkaRedriveMarkers(DlqReaderSettings readerSettings, KafkaWriterSettings writerSettings,
            TopicNames topicNames, Clock clock) {
        this.snapshot = new TopicSnapshot(Objects.requireNonNull(readerSettings, "readerSettings"));
        this.topic = Objects.requireNonNull(topicNames, "topicNames").dlqRedriveMarkers();
        this.sender = new NonBlockingSender("eg-dlq-redrive-markers", writerSettings, clock);
    }

    /** @throws DlqUnavailableException when the primary cluster does not answer or the marker topic is missing */
    @Override
    public Set<SourcePosition> load() {
        Set<SourcePosition> marked = new HashSet<>();
        try {
            snapshot.read(topic, Optional.empty(), record -> {
                Optional<SourcePosition> position = parse(record.key());
                if (position.isEmpty()) {
                    LOG.warn("marker {}/{}/{} has no DLQ position as its key; ignored", record.topic(),
                            record.partition(), record.offset());
                } else if (record.value() == null) {
                    marked.remove(position.get());
                } else {
                    marked.add(position.get());
                }
                return true;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DlqUnavailableException("loading the redrive markers of " + topic + " was interrupted", e);
        }
        return Set.copyOf(marked);
    }

    @Override
    public CompletableFuture<Void> mark(SourcePosition dlqPosition, RedriveMark mark) {
        byte[] key = (dlqPosition.topic() + "/" + dlqPosition.partition() + "/" + dlqPosition.offset())
                .getBytes(StandardCharsets.UTF_8);
        byte[] value = mark.at().toString().getBytes(StandardCharsets.UTF_8);
        return sender.send(new ProducerRecord<>(topic, key, value)).thenApply(metadata -> null);
    }

    @Override
    public void close() {
        sender.close();
    }

    /** {@code topic/partition/offset}; the topic may itself hold no '/', Kafka forbids it. */
    static Optional<SourcePosition> parse(byte[] key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = new String(key, StandardCharsets.UTF_8).split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SourcePosition(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
