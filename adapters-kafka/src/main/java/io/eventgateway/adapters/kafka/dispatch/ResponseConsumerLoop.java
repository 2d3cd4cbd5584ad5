package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.CommittedPosition;
import io.eventgateway.application.dispatch.ProcessorResponse;
import io.eventgateway.application.dispatch.ResponsesSink;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.offset.OffsetCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this replica's partition of the response topic on its own thread and hands every poll to the
 * {@link ResponsesSink}, with how far the responses are known to be read. Never paused: responses are what frees
 * leases and memory, so stalling them would stall everything else.
 *
 * <p>It starts at its own committed position (the committer includes {@link #position()} in every commit), else at
 * the beginning, so a restarted replica replays the responses to work it may still hold.
 *
 * <p>{@code readUpTo}: when the poll left the consumer at the partition's end (checked against the broker's end
 * offset, read after taking the time), the time taken before that check: every response appended before it has been
 * read. Otherwise the append time of the last record read. It never goes back.
 *
 * <p>Nothing stops the loop but {@link #close()}: a record that is not a response batch is counted and skipped, a bad
 * response inside a batch likewise; a failing sink gets the same records again after a pause; a position out of
 * range (responses deleted unread) resumes at the earliest response left, with an ERROR, as leases then expire
 * normally.
 */
public final class ResponseConsumerLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseConsumerLoop.class);

    private final SourcePartition partition;
    private final TopicPartition kafkaPartition;
    private final ResponsesSink sink;
    private final Clock clock;
    private final Consumer<byte[], byte[]> consumer;
    private final ConsumerThread thread;
    private final ThrottledCounter skippedRecords = new ThrottledCounter();
    private final ThrottledCounter skippedResponses = new ThrottledCounter();
    private final ThrottledCounter sinkFailures = new ThrottledCounter();
    private Instant readUpTo;
    /** The offset after the last record handed to the sink; -1 until the start position is known. */
    private volatile long handedOverUpTo = -1;

    /** @param partition this replica's response partition (see {@link ReplicaTopology#responsePartition()}) */
    public ResponseConsumerLoop(SourcePartition partition, OrchestratorKafkaSettings settings, ResponsesSink sink,
            Clock clock) {
        this(partition, settings, sink, clock,
                new KafkaConsumer<>(Objects.requireNonNull(settings, "settings").responseConsumerProperties()));
    }

    ResponseConsumerLoop(SourcePartition partition, OrchestratorKafkaSettings settings, ResponsesSink sink,
            Clock clock, Consumer<byte[], byte[]> consumer) {
        this.partition = Objects.requireNonNull(partition, "partition");
        this.kafkaPartition = StartPositions.toKafka(partition);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.thread = new ConsumerThread("eg-responses-" + partition.partition(), consumer,
                new ConsumerThread.Work() {
                    @Override
                    public void start() {
                        assignAndStart(settings);
                    }

                    @Override
                    public void pollOnce() {
                        pollAndHandOver(settings);
                    }
                }, settings.pollTimeout(), settings.closeTimeout());
    }

    /** Starts the thread: assign, seek, then poll until {@link #close()}. */
    public void start() {
        thread.start();
    }

    @Override
    public void close() {
        thread.close();
    }

    /**
     * What to commit for the response partition: the offset after the last record the sink has taken (empty until
     * the start position is known). Thread-safe, for the committer.
     */
    public Map<SourcePartition, OffsetCommit> position() {
        long offset = handedOverUpTo;
        return offset < 0 ? Map.of() : Map.of(partition, new OffsetCommit(offset, "", 0));
    }

    /** Records that were not response batches, skipped since start. */
    public long skippedRecords() {
        return skippedRecords.count();
    }

    /** Bad responses inside otherwise good batches, skipped since start. */
    public long skippedResponses() {
        return skippedResponses.count();
    }

    /** Polls the sink failed on (each handed over again), since start. */
    public long sinkFailures() {
        return sinkFailures.count();
    }

    /** Failed starts and polls (broker unreachable, ...), each retried, since start. */
    public long loopFailures() {
        return thread.failures();
    }

    private void assignAndStart(OrchestratorKafkaSettings settings) {
        Map<SourcePartition, CommittedPosition> committed =
                StartPositions.assignAndSeek(consumer, List.of(partition), settings.commitTimeout());
        handedOverUpTo = consumer.position(kafkaPartition, settings.commitTimeout());
        LOG.info("response consumer reads {} from {} offset {}", partition,
                committed.get(partition) == null ? "the beginning," : "its committed", handedOverUpTo);
    }

    private void pollAndHandOver(OrchestratorKafkaSettings settings) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (OffsetOutOfRangeException e) {
            LOG.error("response consumer: position {} of {} is out of range (responses deleted unread); resuming at "
                    + "the earliest response left: leases whose responses were lost will expire and be redelivered",
                    e.offsetOutOfRangePartitions(), partition);
            consumer.seekToBeginning(List.of(kafkaPartition));
            return;
        }
        List<ProcessorResponse> responses = new ArrayList<>();
        Instant lastAppended = null;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            lastAppended = Instant.ofEpochMilli(record.timestamp());
            decodeInto(record, responses);
        }
        long position = consumer.position(kafkaPartition, settings.commitTimeout());
        Instant known = caughtUpAt(position, settings);
        if (known == null) {
            known = lastAppended;
        }
        Instant upTo = readUpTo == null || (known != null && known.isAfter(readUpTo)) ? known : readUpTo;
        if (upTo == null) {
            // Behind from the start and no record read yet: there is nothing to tell.
            return;
        }
        try {
            sink.onResponses(List.copyOf(responses), upTo);
        } catch (RuntimeException e) {
            if (sinkFailures.countAndShouldLog()) {
                LOG.error("response consumer: the sink failed on {} responses; reading them again after {} ({} "
                        + "failures so far)", responses.size(), settings.pollTimeout(), sinkFailures.count(), e);
            }
            // Neither readUpTo nor the position moves: the records are read, and claimed, again.
            if (!records.isEmpty()) {
                consumer.seek(kafkaPartition, records.records(kafkaPartition).get(0).offset());
            }
            thread.pauseBeforeRetry();
            return;
        }
        readUpTo = upTo;
        handedOverUpTo = position;
    }

    /**
     * The time up to which every response is read when the consumer stands at the partition's end, else null. The
     * consumer's own lag (from its last fetch) says cheaply when it is behind; at lag zero or unknown, the broker's
     * end offset is read, after taking the time, so a response appended meanwhile is never claimed as read.
     */
    private Instant caughtUpAt(long position, OrchestratorKafkaSettings settings) {
        OptionalLong lag = consumer.currentLag(kafkaPartition);
        if (lag.isPresent() && lag.getAsLong() > 0) {
            return null;
        }
        Instant now = clock.instant();
        Long end = consumer.endOffsets(List.of(kafkaPartition), settings.commitTimeout()).get(kafkaPartition);
        return end != null && position >= end ? now : null;
    }

    private void decodeInto(ConsumerRecord<byte[], byte[]> record, List<ProcessorResponse> responses) {
        ResponseBatchDecoder.Decoded decoded;
        try {
            decoded = ResponseBatchDecoder.decode(record.value());
        } catch (CorruptRecordException e) {
            if (skippedRecords.countAndShouldLog()) {
                LOG.warn("response consumer: skipped record {}-{}@{}: {} ({} skipped so far)", record.topic(),
                        record.partition(), record.offset(), e.getMessage(), skippedRecords.count());
            }
            return;
        }
        responses.addAll(decoded.responses());
        for (String problem : decoded.problems()) {
            if (skippedResponses.countAndShouldLog()) {
                LOG.warn("response consumer: skipped a response in record {}-{}@{}: {} ({} skipped so far)",
                        record.topic(), record.partition(), record.offset(), problem, skippedResponses.count());
            }
        }
    }
}
