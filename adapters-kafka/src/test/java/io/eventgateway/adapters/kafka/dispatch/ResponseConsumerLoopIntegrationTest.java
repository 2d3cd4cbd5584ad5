package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.application.dispatch.ProcessorResponse;
import io.eventgateway.application.dispatch.ProcessorResponse.Outcome;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.TaskId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The response consumer of replica 1 of 2 against the shared broker. */
class ResponseConsumerLoopIntegrationTest {

    private static final Duration AT_MOST = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final long APPENDED_1 = Instant.parse("2026-11-22T09:00:01Z").toEpochMilli();
    private static final long APPENDED_2 = Instant.parse("2026-11-22T09:00:02Z").toEpochMilli();
    private static final long APPENDED_3 = Instant.parse("2026-11-22T09:00:03Z").toEpochMilli();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingResponsesSink sink = new RecordingResponsesSink();
    private final MutableClock clock = new MutableClock(NOW);
    private DispatchTopics topics;
    private SourcePartition mine;

    @BeforeEach
    void createTopics() {
        topics = closeLater(new DispatchTopics(2, 2, 2));
        mine = new SourcePartition(topics.names.response(), 1);
    }

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

    private TaskId task(long offset) {
        return new TaskId(1, topics.names.lane(Lane.P30), 1, offset, 1);
    }

    private ResponseConsumerLoop startLoop(OrchestratorKafkaSettings settings) {
        ResponseConsumerLoop loop = closeLater(new ResponseConsumerLoop(mine, settings, sink, clock));
        loop.start();
        return loop;
    }

    private ResponseConsumerLoop startLoop() {
        return startLoop(topics.settings(1, 2));
    }

    private void respond(int partition, Long appendedAt, byte[] value) {
        topics.send(topics.names.response(), partition, appendedAt, value);
    }

    @Test
    void decodesEveryResponseOfABatch() {
        respond(1, null, TestResponses.batch(List.of(TestResponses.ack(task(0)),
                TestResponses.retry(task(1), 1500, "busy"), TestResponses.fail(task(2), "bad input"))));

        startLoop();

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(sink.responses).containsExactly(
                new ProcessorResponse(task(0), Outcome.ACK, null, null),
                new ProcessorResponse(task(1), Outcome.RETRY, Duration.ofMillis(1500), "busy"),
                new ProcessorResponse(task(2), Outcome.FAIL, null, "bad input")));
    }

    @Test
    void readsOnlyTheResponsePartitionOfItsIndex() {
        respond(0, null, TestResponses.batch(TestResponses.ack(task(0))));
        respond(1, null, TestResponses.batch(TestResponses.ack(task(1))));

        startLoop();

        await().atMost(AT_MOST).until(() -> !sink.responses.isEmpty());
        assertThat(sink.responses).extracting(ProcessorResponse::taskId).containsExactly(task(1));
    }

    @Test
    void givenItHasReadToTheEnd_thenReadUpToIsNow() {
        respond(1, APPENDED_1, TestResponses.batch(TestResponses.ack(task(0))));

        startLoop();

        await().atMost(AT_MOST).until(() -> NOW.equals(sink.lastReadUpTo()));
        assertThat(sink.responses).hasSize(1);
    }

    @Test
    void givenItIsBehind_thenReadUpToIsTheAppendTimeOfTheLastRecordRead() {
        respond(1, APPENDED_1, TestResponses.batch(TestResponses.ack(task(0))));
        respond(1, APPENDED_2, TestResponses.batch(TestResponses.ack(task(1))));
        respond(1, APPENDED_3, TestResponses.batch(TestResponses.ack(task(2))));

        // One record per poll: the first two polls end behind the partition's end.
        startLoop(topics.settings(1, 2, new FetchBounds(1, 1024 * 1024, 1024 * 1024)));

        await().atMost(AT_MOST).until(() -> sink.responses.size() == 3);
        assertThat(sink.calls).filteredOn(call -> !call.responses().isEmpty())
                .extracting(RecordingResponsesSink.Call::readUpTo)
                .containsExactly(Instant.ofEpochMilli(APPENDED_1), Instant.ofEpochMilli(APPENDED_2), NOW);
    }

    @Test
    void readUpToFollowsTheClockWhileNoResponsesArrive() {
        startLoop();
        await().atMost(AT_MOST).until(() -> NOW.equals(sink.lastReadUpTo()));

        clock.advance(Duration.ofSeconds(5));

        await().atMost(AT_MOST).until(() -> NOW.plusSeconds(5).equals(sink.lastReadUpTo()));
    }

    @Test
    void givenAGarbageRecord_thenItIsCountedAndSkippedAndTheLoopGoesOn() {
        respond(1, null, "not a response batch".getBytes(StandardCharsets.UTF_8));
        respond(1, null, TestResponses.batch(TestResponses.ack(task(7))));

        ResponseConsumerLoop loop = startLoop();

        await().atMost(AT_MOST).until(() -> !sink.responses.isEmpty());
        assertThat(sink.responses).extracting(ProcessorResponse::taskId).containsExactly(task(7));
        assertThat(loop.skippedRecords()).isEqualTo(1);
    }

    @Test
    void givenTheSinkFailsOnAPoll_thenItIsHandedTheSameResponsesAgainOnce() {
        respond(1, APPENDED_1, TestResponses.batch(TestResponses.ack(task(0))));
        sink.failuresToThrow.set(1);

        ResponseConsumerLoop loop = startLoop();

        await().atMost(AT_MOST).until(() -> NOW.equals(sink.lastReadUpTo()));
        assertThat(sink.responses).extracting(ProcessorResponse::taskId).containsExactly(task(0));
        assertThat(loop.sinkFailures()).isEqualTo(1);
    }

    @Test
    void itsPositionIsTheOffsetAfterTheLastRecordHandedOver() {
        respond(1, null, TestResponses.batch(TestResponses.ack(task(0))));
        respond(1, null, TestResponses.batch(TestResponses.ack(task(1))));

        ResponseConsumerLoop loop = startLoop();

        await().atMost(AT_MOST).until(() -> loop.position().equals(Map.of(mine, new OffsetCommit(2, "", 0))));
    }

    @Test
    void startsFromItsCommittedPosition() throws Exception {
        respond(1, null, TestResponses.batch(TestResponses.ack(task(0))));
        respond(1, null, TestResponses.batch(TestResponses.ack(task(1))));
        try (KafkaOffsetCommitter committer = new KafkaOffsetCommitter(topics.settings(1, 2), Map::of, NoHandoffs.writer())) {
            committer.commit(Map.of(mine, new OffsetCommit(1, "", 0))).get(30, TimeUnit.SECONDS);
        }

        startLoop();

        await().atMost(AT_MOST).until(() -> NOW.equals(sink.lastReadUpTo()));
        assertThat(sink.responses).extracting(ProcessorResponse::taskId).containsExactly(task(1));
    }
}
