package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.Handoff;
import io.eventgateway.application.dispatch.HandoffTarget;
import io.eventgateway.application.dispatch.HandoffWriter;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Turns hand-offs into records for the replica's commit transaction: {@link #write} encodes and queues, and the
 * {@link KafkaOffsetCommitter} drains the queue into its next transaction, completing each future once the record is
 * written there. The value is the stored-record encoding (lane RETRY on a retry level, OFFLOAD on offload, the event's
 * priority lane in the DLQ so a redrive can put it back), the key its partition key, so an event's copies stay on one
 * partition.
 */
public final class KafkaHandoffWriter implements HandoffWriter {

    /** A hand-off ready for the transaction, and the future its writer waits on. */
    record Pending(ProducerRecord<byte[], byte[]> record, CompletableFuture<Void> written) {
    }

    private final TopicNames names;
    private final StoredRecordCodec codec;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();

    public KafkaHandoffWriter(TopicNames names, StoredRecordCodec codec, Clock clock) {
        this.names = Objects.requireNonNull(names, "names");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletableFuture<Void> write(Handoff handoff) {
        ProducerRecord<byte[], byte[]> record;
        try {
            record = toRecord(Objects.requireNonNull(handoff, "handoff"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        queued.add(new Pending(record, written));
        return written;
    }

    /** Takes up to {@code max} queued hand-offs, oldest first. */
    List<Pending> drain(int max) {
        List<Pending> drained = new ArrayList<>();
        Pending next;
        while (drained.size() < max && (next = queued.poll()) != null) {
            drained.add(next);
        }
        return drained;
    }

    int queuedCount() {
        return queued.size();
    }

    /** The record a hand-off is written as; also for tools that seed a DLQ the way an orchestrator writes it. */
    public ProducerRecord<byte[], byte[]> toRecord(Handoff handoff) {
        EventRecord event = handoff.record();
        SourcePosition source = handoff.source();
        List<Header> headers = new ArrayList<>();
        headers.add(header(HandoffHeaders.SOURCE_TOPIC, source.topic()));
        headers.add(header(HandoffHeaders.SOURCE_PARTITION, Integer.toString(source.partition())));
        headers.add(header(HandoffHeaders.SOURCE_OFFSET, Long.toString(source.offset())));
        Instant now = clock.instant();
        String topic;
        Lane lane;
        if (handoff.target() instanceof HandoffTarget.DeadLetter deadLetter) {
            topic = names.dlq();
            lane = Lane.of(event.priority());
            headers.add(header(HandoffHeaders.REASON, deadLetter.reason()));
            headers.add(header(HandoffHeaders.DELIVERIES, Integer.toString(deadLetter.deliveries())));
            headers.add(header(HandoffHeaders.ATTEMPTS, Integer.toString(deadLetter.attempts())));
            headers.add(header(HandoffHeaders.FAILED_AT, now.toString()));
            headers.add(header(HandoffHeaders.FIRST_FAILED_AT,
                    (handoff.firstFailedAt() == null ? now : handoff.firstFailedAt()).toString()));
        } else if (handoff.target() instanceof HandoffTarget.RetryLevel level) {
            topic = names.retry(level.level());
            lane = Lane.RETRY;
            if (handoff.firstFailedAt() != null) {
                headers.add(header(HandoffHeaders.FIRST_FAILED_AT, handoff.firstFailedAt().toString()));
            }
        } else {
            topic = names.lane(Lane.OFFLOAD);
            lane = Lane.OFFLOAD;
        }
        return new ProducerRecord<>(topic, null, utf8(event.partitionKey()), codec.encode(event, lane), headers);
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, utf8(value));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
