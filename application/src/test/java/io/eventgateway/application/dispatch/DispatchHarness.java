package io.eventgateway.application.dispatch;

import io.eventgateway.application.MutableClock;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A dispatch service on a mutable clock, the test codec and a recording DLQ writer, with short-hands for tests. */
final class DispatchHarness {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final TestCodec codec = new TestCodec();
    final RecordingHandoffWriter handoffs = new RecordingHandoffWriter();
    final OrchestratorSettings settings;
    final DispatchService service;
    private final Map<SourcePartition, Long> nextOffset = new HashMap<>();

    DispatchHarness() {
        this(new TestSettings());
    }

    DispatchHarness(TestSettings settings) {
        this(settings, DispatchMetrics.NONE);
    }

    DispatchHarness(TestSettings settings, DispatchMetrics metrics) {
        this.settings = settings.build();
        this.service = new DispatchService(this.settings, codec, handoffs, DispatchHarness::retryLevelOf, metrics,
                clock);
    }

    /** Retry topics are named {@code eg.retry.<level>} here, as by the Kafka adapter's default naming. */
    static OptionalInt retryLevelOf(String topic) {
        return topic.startsWith("eg.retry.") ? OptionalInt.of(Integer.parseInt(topic.substring(9)))
                : OptionalInt.empty();
    }

    static String retryTopic(int level) {
        return "eg.retry." + level;
    }

    static String topicOf(Lane lane) {
        return "eg." + lane.shortName();
    }

    static SourcePartition partition(Lane lane, int partition) {
        return new SourcePartition(topicOf(lane), partition);
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** An event ingested at T0, keyed by its id, of tenant {@code t1}. */
    static EventRecord event(String id, Priority priority, Instant deadline) {
        return event(id, "t1", id, priority, deadline, 10);
    }

    static EventRecord event(String id, String tenant, String key, Priority priority, Instant deadline,
            int payloadBytes) {
        return new EventRecord(id, tenant, "test", "test.event", key, Payload.wrap(new byte[payloadBytes]), Map.of(),
                priority, T0, deadline, 0, 0, null, null);
    }

    Instant now() {
        return clock.instant();
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    /** Assigns partitions with nothing committed. */
    PartitionControl assign(Lane lane, int... partitionNumbers) {
        Map<SourcePartition, CommittedPosition> committed = new HashMap<>();
        for (int number : partitionNumbers) {
            committed.put(partition(lane, number), null);
        }
        return service.onAssigned(lane, committed);
    }

    PartitionControl assign(Lane lane, int partitionNumber, CommittedPosition committed) {
        nextOffset.put(partition(lane, partitionNumber), committed.offset());
        Map<SourcePartition, CommittedPosition> map = new HashMap<>();
        map.put(partition(lane, partitionNumber), committed);
        return service.onAssigned(lane, map);
    }

    /** A polled record at the partition's next offset, appended now. */
    PolledRecord record(Lane lane, int partitionNumber, EventRecord event) {
        return raw(lane, partitionNumber, codec.encode(event, lane));
    }

    PolledRecord raw(Lane lane, int partitionNumber, byte[] value) {
        SourcePartition partition = partition(lane, partitionNumber);
        long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
        return new PolledRecord(new SourcePosition(partition.topic(), partitionNumber, offset), value, now());
    }

    PartitionControl poll(Lane lane, PolledRecord... records) {
        return service.onPolled(lane, Arrays.asList(records));
    }

    /** Polls one event on partition 0 of its priority's lane (assign that partition first). */
    SourcePosition put(EventRecord event) {
        PolledRecord record = record(Lane.of(event.priority()), 0, event);
        poll(Lane.of(event.priority()), record);
        return record.source();
    }

    LeaseGrant fetch(int maxTasks) {
        return service.fetch(new FetchTasksCommand("proc-1", maxTasks, Long.MAX_VALUE, Duration.ZERO, null)).join();
    }

    EventRecord decode(GrantedTask task) {
        return codec.decode(task.storedRecord()).record();
    }

    List<String> eventIds(LeaseGrant grant) {
        return grant.tasks().stream().map(task -> decode(task).eventId()).toList();
    }

    /** The response consumer has read everything up to now: lease expiry may proceed. */
    void responsesCaughtUp() {
        service.onResponses(List.of(), now());
    }

    /** Lets every lease run out and expires it. */
    void expireLeases() {
        advance(settings.lease().maxLeaseTotal().plusSeconds(1));
        responsesCaughtUp();
        service.tick();
    }

    void respond(ProcessorResponse... responses) {
        service.onResponses(List.of(responses), now());
    }

    void ack(GrantedTask... tasks) {
        for (GrantedTask task : tasks) {
            respond(ackOf(task));
        }
    }

    static ProcessorResponse ackOf(GrantedTask task) {
        return new ProcessorResponse(task.taskId(), ProcessorResponse.Outcome.ACK, null, null);
    }

    static ProcessorResponse retryOf(GrantedTask task, Duration after) {
        return new ProcessorResponse(task.taskId(), ProcessorResponse.Outcome.RETRY, after, null);
    }

    static ProcessorResponse failOf(GrantedTask task, String reason) {
        return new ProcessorResponse(task.taskId(), ProcessorResponse.Outcome.FAIL, null, reason);
    }

    /** The committable offset of a partition, as the next commit would carry it (null when none is due). */
    Long committable(Lane lane, int partitionNumber) {
        var commit = service.commitPositions().get(partition(lane, partitionNumber));
        return commit == null ? null : commit.offset();
    }
}
