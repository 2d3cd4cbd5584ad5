package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.application.dispatch.CommittedPosition;
import io.eventgateway.application.dispatch.PartitionControl;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lane consumers against the shared broker; every test has its own topics, group and transactional ids. */
class LaneConsumerLoopIntegrationTest {

    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingLaneSink sink = new RecordingLaneSink();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    private DispatchTopics topics(int lanePartitions, int replicas) {
        return closeLater(new DispatchTopics(lanePartitions, replicas, replicas));
    }

    private LaneConsumerLoop startLoop(DispatchTopics topics, Lane lane, int index, int replicas) {
        OrchestratorKafkaSettings settings = topics.settings(index, replicas);
        ReplicaTopology topology = ReplicaTopology.describe(settings, topics.laneTopics, DispatchTopics.CALL_TIMEOUT);
        LaneConsumerLoop loop = closeLater(
                new LaneConsumerLoop(lane, topology.ownedPartitions(lane), settings, sink, clock));
        loop.start();
        return loop;
    }

    private void commit(DispatchTopics topics, Map<SourcePartition, OffsetCommit> positions) throws Exception {
        try (KafkaOffsetCommitter committer = new KafkaOffsetCommitter(topics.settings(0, 1), Map::of, NoHandoffs.writer())) {
            committer.commit(positions).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenReplicaZeroOfTwo_whenEveryPartitionHasRecords_thenOnlyEvenPartitionsAreHandedOverInOffsetOrder() {
        DispatchTopics topics = topics(4, 2);
        String p30 = topics.names.lane(Lane.P30);
        for (int partition = 0; partition < 4; partition++) {
            for (int i = 0; i < 3; i++) {
                topics.send(p30, partition, "p" + partition + "-" + i);
            }
        }

        startLoop(topics, Lane.P30, 0, 2);

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(sink.valuesOf(p30, 0)).containsExactly("p0-0", "p0-1", "p0-2");
            assertThat(sink.valuesOf(p30, 2)).containsExactly("p2-0", "p2-1", "p2-2");
        });
        assertThat(sink.records).allSatisfy(record -> assertThat(record.source().partition()).isIn(0, 2));
        assertThat(sink.offsetsOf(p30, 0)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theRetryLaneReadsItsPartitionsOfEveryRetryLevel() {
        DispatchTopics topics = topics(2, 1);
        topics.send(topics.names.retry(1), 1, "level-1");
        topics.send(topics.names.retry(2), 0, "level-2");

        startLoop(topics, Lane.RETRY, 0, 1);

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(sink.valuesOf(topics.names.retry(1), 1)).containsExactly("level-1");
            assertThat(sink.valuesOf(topics.names.retry(2), 0)).containsExactly("level-2");
        });
    }

    @Test
    void givenTheSinkPausedAPartition_whenRecordsArrive_thenTheyWaitUntilTheSinkResumesIt() {
        DispatchTopics topics = topics(2, 1);
        String p20 = topics.names.lane(Lane.P20);
        SourcePartition held = new SourcePartition(p20, 1);
        sink.answerNext(new PartitionControl(Set.of(held), Set.of()));
        topics.send(p20, 1, "held");
        topics.send(p20, 0, "free");

        LaneConsumerLoop loop = startLoop(topics, Lane.P20, 0, 1);

        await().atMost(AT_MOST).until(() -> sink.valuesOf(p20, 0).contains("free"));
        assertThat(sink.valuesOf(p20, 1)).isEmpty();
        assertThat(loop.pausedPartitions()).containsExactly(held);

        sink.answerNext(new PartitionControl(Set.of(), Set.of(held)));

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.valuesOf(p20, 1)).containsExactly("held"));
        assertThat(loop.pausedPartitions()).isEmpty();
    }

    @Test
    void startsAtTheCommittedPositionAndHandsItsMetadataToTheSink() throws Exception {
        DispatchTopics topics = topics(2, 1);
        String p10 = topics.names.lane(Lane.P10);
        for (int i = 0; i < 4; i++) {
            topics.send(p10, 0, "r" + i);
        }
        commit(topics, Map.of(new SourcePartition(p10, 0), new OffsetCommit(2, "done:3", 0)));

        startLoop(topics, Lane.P10, 0, 1);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.valuesOf(p10, 0)).containsExactly("r2", "r3"));
        assertThat(sink.assigned.get()).containsEntry(new SourcePartition(p10, 0), new CommittedPosition(2, "done:3"));
    }

    @Test
    void aPartitionNothingWasCommittedOnStartsAtTheBeginningAndIsAssignedWithoutAPosition() throws Exception {
        DispatchTopics topics = topics(2, 1);
        String p10 = topics.names.lane(Lane.P10);
        topics.send(p10, 1, "first");
        topics.send(p10, 1, "second");
        commit(topics, Map.of(new SourcePartition(p10, 0), new OffsetCommit(0, "", 0)));

        startLoop(topics, Lane.P10, 0, 1);

        await().atMost(AT_MOST).untilAsserted(
                () -> assertThat(sink.valuesOf(p10, 1)).containsExactly("first", "second"));
        Map<SourcePartition, CommittedPosition> expected = new HashMap<>();
        expected.put(new SourcePartition(p10, 0), new CommittedPosition(0, ""));
        expected.put(new SourcePartition(p10, 1), null);
        assertThat(sink.assigned.get()).isEqualTo(expected);
    }

    @Test
    void givenACommittedOffsetPastTheEndOfTheLog_thenThatPartitionStopsAndTheOthersGoOn() throws Exception {
        DispatchTopics topics = topics(2, 1);
        String offload = topics.names.lane(Lane.OFFLOAD);
        SourcePartition lost = new SourcePartition(offload, 0);
        topics.send(offload, 0, "only");
        commit(topics, Map.of(lost, new OffsetCommit(100, "", 0)));
        topics.send(offload, 1, "other");

        LaneConsumerLoop loop = startLoop(topics, Lane.OFFLOAD, 0, 1);

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(loop.stoppedPartitions()).containsExactly(lost);
            assertThat(sink.valuesOf(offload, 1)).containsExactly("other");
        });
        assertThat(loop.stoppedPartitionCount()).isEqualTo(1);
        assertThat(sink.valuesOf(offload, 0)).isEmpty();
    }

    @Test
    void aStoppedPartitionStaysPausedWhenTheSinkResumesIt() throws Exception {
        DispatchTopics topics = topics(1, 1);
        String offload = topics.names.lane(Lane.OFFLOAD);
        SourcePartition lost = new SourcePartition(offload, 0);
        commit(topics, Map.of(lost, new OffsetCommit(100, "", 0)));
        LaneConsumerLoop loop = startLoop(topics, Lane.OFFLOAD, 0, 1);
        await().atMost(AT_MOST).until(() -> loop.stoppedPartitions().contains(lost));

        sink.answerNext(new PartitionControl(Set.of(), Set.of(lost)));
        int pollsBefore = sink.polls.get();

        await().atMost(AT_MOST).until(() -> sink.polls.get() > pollsBefore + 1);
        assertThat(loop.pausedPartitions()).containsExactly(lost);
    }

    @Test
    void givenTheSinkFailsOnAPoll_thenItIsHandedTheSameRecordsAgainWithoutLossOrDuplicates() {
        DispatchTopics topics = topics(1, 1);
        String p30 = topics.names.lane(Lane.P30);
        topics.send(p30, 0, "a");
        topics.send(p30, 0, "b");
        sink.failuresToThrow.set(1);

        LaneConsumerLoop loop = startLoop(topics, Lane.P30, 0, 1);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.valuesOf(p30, 0)).containsExactly("a", "b"));
        assertThat(loop.sinkFailures()).isEqualTo(1);
    }

    @Test
    void reportsTheLanesLagOfUnreadRecordsOnPausedPartitions() {
        DispatchTopics topics = topics(1, 1);
        String p20 = topics.names.lane(Lane.P20);
        sink.answerNext(new PartitionControl(Set.of(new SourcePartition(p20, 0)), Set.of()));
        for (int i = 0; i < 3; i++) {
            topics.send(p20, 0, "unread-" + i);
        }

        startLoop(topics, Lane.P20, 0, 1);

        await().atMost(AT_MOST).until(() -> sink.lastLag.get() == 3);
        assertThat(sink.records).isEmpty();
    }
}
