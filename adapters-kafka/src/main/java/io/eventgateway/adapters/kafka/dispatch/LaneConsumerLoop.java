package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.CommittedPosition;
import io.eventgateway.application.dispatch.LaneRecordsSink;
import io.eventgateway.application.dispatch.PartitionControl;
import io.eventgateway.application.dispatch.PolledRecord;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane's consumer, on its own thread: reads the partitions this replica owns of the lane's topics (all retry
 * levels for the retry lane), hands every poll to the {@link LaneRecordsSink} in offset order per partition, and
 * pauses and resumes partitions as the sink says.
 *
 * <p>Assignment is manual; each partition starts at the group's committed position, or at the beginning when
 * nothing was ever committed on it. The sink hears of every poll, an empty one too, so it can resume partitions
 * while the lane is idle or wholly paused.
 *
 * <p>Invariant: a partition whose position falls out of the log's range (retention deleted records not yet done, or
 * a committed offset past the end) is never reset: it is <em>stopped</em> (paused for good, logged at ERROR and
 * counted as an alert), because skipping to either end would lose or replay data silently. The other partitions go
 * on. A sink that throws gets the same records again: the loop seeks back to the first record of the failed poll.
 *
 * <p>About once per {@link #LAG_REPORT_INTERVAL} it tells the sink the lane's lag: end offsets (last stable offsets,
 * as it reads committed data) minus positions, over the partitions not stopped, paused ones included.
 */
public final class LaneConsumerLoop implements AutoCloseable {

    /** Lag costs a round trip to the broker, so it is read at this pace rather than after every poll. */
    static final Duration LAG_REPORT_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LaneConsumerLoop.class);

    private final Lane lane;
    private final List<SourcePartition> partitions;
    private final LaneRecordsSink sink;
    private final Clock clock;
    private final Consumer<byte[], byte[]> consumer;
    private final ConsumerThread thread;
    private final Set<TopicPartition> assigned = new HashSet<>();
    /** Partitions that had a committed position at start: losing their position is data loss, not a fresh start. */
    private final Set<TopicPartition> committedAtStart = new HashSet<>();
    private final Set<SourcePartition> stopped = ConcurrentHashMap.newKeySet();
    private final ThrottledCounter sinkFailures = new ThrottledCounter();
    private final ThrottledCounter foreignControls = new ThrottledCounter();
    private volatile Set<SourcePartition> paused = Set.of();
    private Instant nextLagReport = Instant.MIN;

    /**
     * @param partitions the lane's partitions this replica owns (see {@link ReplicaTopology#ownedPartitions(Lane)})
     */
    public LaneConsumerLoop(Lane lane, List<SourcePartition> partitions, OrchestratorKafkaSettings settings,
            LaneRecordsSink sink, Clock clock) {
        // Arguments are checked before the consumer is built, so a bad call leaks no client.
        this(lane, requireSome(lane, partitions), settings, sink, clock,
                new KafkaConsumer<>(Objects.requireNonNull(settings, "settings").laneConsumerProperties(lane)));
    }

    LaneConsumerLoop(Lane lane, List<SourcePartition> partitions, OrchestratorKafkaSettings settings,
            LaneRecordsSink sink, Clock clock, Consumer<byte[], byte[]> consumer) {
        this.lane = Objects.requireNonNull(lane, "lane");
        this.partitions = requireSome(lane, partitions);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.thread = new ConsumerThread("eg-lane-" + lane.shortName(), consumer, new ConsumerThread.Work() {
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

    /** Starts the lane's thread: assign, seek, {@code onAssigned}, then poll until {@link #close()}. */
    public void start() {
        thread.start();
    }

    @Override
    public void close() {
        thread.close();
    }

    public Lane lane() {
        return lane;
    }

    /** Partitions stopped because their position fell out of range; each one is an alert. */
    public Set<SourcePartition> stoppedPartitions() {
        return Set.copyOf(stopped);
    }

    /** How many partitions are stopped: the alert counter (non-zero means data needs a human). */
    public int stoppedPartitionCount() {
        return stopped.size();
    }

    /** Partitions paused after the latest poll, stopped ones included (for the paused-per-lane signal). */
    public Set<SourcePartition> pausedPartitions() {
        return paused;
    }

    /** Polls the sink failed on (each handed over again), since start. */
    public long sinkFailures() {
        return sinkFailures.count();
    }

    /** Failed starts and polls (broker unreachable, ...), each retried, since start. */
    public long loopFailures() {
        return thread.failures();
    }

    private static List<SourcePartition> requireSome(Lane lane, List<SourcePartition> partitions) {
        List<SourcePartition> copy = List.copyOf(partitions);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("the " + lane + " lane consumer needs at least one partition");
        }
        return copy;
    }

    private void assignAndStart(OrchestratorKafkaSettings settings) {
        Map<SourcePartition, CommittedPosition> committed =
                StartPositions.assignAndSeek(consumer, partitions, settings.commitTimeout());
        assigned.clear();
        assigned.addAll(consumer.assignment());
        committedAtStart.clear();
        committed.forEach((partition, position) -> {
            if (position != null) {
                committedAtStart.add(StartPositions.toKafka(partition));
            }
        });
        LOG.info("{} lane consumer reads {} partitions ({} with a committed position, the rest from the beginning)",
                lane, partitions.size(), committedAtStart.size());
        apply(sink.onAssigned(lane, committed));
    }

    private void pollAndHandOver(OrchestratorKafkaSettings settings) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (OffsetOutOfRangeException e) {
            stop(e.partitions(), "its position " + e.offsetOutOfRangePartitions() + " is out of the log's range");
            return;
        } catch (NoOffsetForPartitionException e) {
            onNoPosition(e.partitions());
            return;
        }
        List<PolledRecord> polled = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            polled.add(new PolledRecord(new SourcePosition(record.topic(), record.partition(), record.offset()),
                    record.value() == null ? new byte[0] : record.value(), Instant.ofEpochMilli(record.timestamp()),
                    firstFailedAt(record)));
        }
        PartitionControl control;
        try {
            control = sink.onPolled(lane, List.copyOf(polled));
        } catch (RuntimeException e) {
            if (sinkFailures.countAndShouldLog()) {
                LOG.error("{} lane: the sink failed on a poll of {} records; reading them again after {} ({} failures"
                        + " so far)", lane, polled.size(), settings.pollTimeout(), sinkFailures.count(), e);
            }
            rewind(records);
            thread.pauseBeforeRetry();
            return;
        }
        apply(control);
        maybeReportLag(settings);
    }

    private void maybeReportLag(OrchestratorKafkaSettings settings) {
        Instant now = clock.instant();
        if (now.isBefore(nextLagReport)) {
            return;
        }
        nextLagReport = now.plus(LAG_REPORT_INTERVAL);
        List<TopicPartition> live = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            if (!stopped.contains(StartPositions.fromKafka(partition))) {
                live.add(partition);
            }
        }
        long lag = 0;
        if (!live.isEmpty()) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(live, settings.commitTimeout());
            for (TopicPartition partition : live) {
                Long end = ends.get(partition);
                if (end != null) {
                    lag += Math.max(0, end - consumer.position(partition, settings.commitTimeout()));
                }
            }
        }
        sink.onLag(lane, lag);
    }

    /** Applies the sink's pause and resume sets; stopped partitions stay paused whatever the sink says. */
    private void apply(PartitionControl control) {
        List<TopicPartition> pause = owned(control.pause());
        List<TopicPartition> resume = owned(control.resume());
        resume.removeIf(partition -> stopped.contains(StartPositions.fromKafka(partition)));
        consumer.pause(pause);
        consumer.resume(resume);
        publishPaused();
    }

    private List<TopicPartition> owned(Set<SourcePartition> requested) {
        List<TopicPartition> owned = new ArrayList<>(requested.size());
        for (SourcePartition partition : requested) {
            TopicPartition kafka = StartPositions.toKafka(partition);
            if (assigned.contains(kafka)) {
                owned.add(kafka);
            } else if (foreignControls.countAndShouldLog()) {
                LOG.warn("{} lane: the sink paused or resumed {}, which this consumer does not read; ignored ({} so"
                        + " far)", lane, partition, foreignControls.count());
            }
        }
        return owned;
    }

    private void onNoPosition(Set<TopicPartition> lost) {
        Set<TopicPartition> fresh = new HashSet<>();
        Set<TopicPartition> hadCommit = new HashSet<>();
        for (TopicPartition partition : lost) {
            if (committedAtStart.contains(partition)) {
                hadCommit.add(partition);
            } else {
                fresh.add(partition);
            }
        }
        consumer.seekToBeginning(fresh);
        if (!hadCommit.isEmpty()) {
            stop(hadCommit, "it has no valid position although a position was committed");
        }
    }

    private void stop(Set<TopicPartition> lost, String why) {
        consumer.pause(lost);
        for (TopicPartition partition : lost) {
            if (stopped.add(StartPositions.fromKafka(partition))) {
                LOG.error("{} lane: partition {} is STOPPED: {}. Records were deleted before they were done, or the "
                        + "committed offset is wrong; it is not reset to either end, which would lose or replay data. "
                        + "Repair its committed offset by hand, then restart the replica.", lane, partition, why);
            }
        }
        publishPaused();
    }

    /** Seeks every partition of a failed poll back to its first record, so the sink gets them all again. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void publishPaused() {
        Set<SourcePartition> now = new HashSet<>();
        consumer.paused().forEach(partition -> now.add(StartPositions.fromKafka(partition)));
        paused = Set.copyOf(now);
    }

    /** A retry level's record says when its first attempt failed; a missing or unreadable header says nothing. */
    private static Instant firstFailedAt(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(HandoffHeaders.FIRST_FAILED_AT);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
