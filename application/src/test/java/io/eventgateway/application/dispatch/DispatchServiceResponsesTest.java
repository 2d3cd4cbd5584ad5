package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.ackOf;
import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.failOf;
import static io.eventgateway.application.dispatch.DispatchHarness.retryOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.retry.RetrySettings;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchServiceResponsesTest {

    private final DispatchHarness h = new DispatchHarness();

    @BeforeEach
    void assign() {
        h.assign(Lane.P20, 0);
    }

    private List<GrantedTask> leaseOf(int records) {
        for (int i = 0; i < records; i++) {
            h.put(event("e" + i, Priority.P20, at(60_000)));
        }
        return h.fetch(records).tasks();
    }

    @Test
    void anAckMarksTheOffsetDoneAndFreesItsMemory() {
        GrantedTask task = leaseOf(1).get(0);

        h.ack(task);

        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
        assertThat(h.service.status().memory().usedBytes()).isZero();
        assertThat(h.service.status().counters().acks()).isEqualTo(1);
    }

    @Test
    void outOfOrderAcksCommitOnlyUpToTheLowestOffsetNotDone() {
        List<GrantedTask> tasks = leaseOf(3);

        h.ack(tasks.get(2), tasks.get(1));

        assertThat(h.committable(Lane.P20, 0)).isZero();
        h.ack(tasks.get(0));
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(3);
    }

    @Test
    void anAckFromAnExpiredDeliveryCompletesTheTaskWaitingInTheQueueAgain() {
        GrantedTask first = leaseOf(1).get(0);
        h.expireLeases();

        h.ack(first);

        assertThat(h.fetch(10).isEmpty()).isTrue();
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aRetryServesTheTaskAgainOnlyAfterTheInMemoryRetryDelay() {
        GrantedTask task = leaseOf(1).get(0);

        h.respond(retryOf(task, null));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofSeconds(1));
        LeaseGrant again = h.fetch(10);
        assertThat(h.eventIds(again)).containsExactly("e0");
        assertThat(h.decode(again.tasks().get(0)).attempt()).as("the processor sees the attempt it is on").isEqualTo(1);
        assertThat(h.service.status().counters().retries()).isEqualTo(1);
    }

    @Test
    void aRetryAfterHintShorterThanTheDelayIsHonoured() {
        GrantedTask task = leaseOf(1).get(0);

        h.respond(retryOf(task, Duration.ZERO));

        assertThat(h.eventIds(h.fetch(10))).containsExactly("e0");
    }

    @Test
    void aRetryHoldsTheTaskAsDelayedInTheBudget() {
        GrantedTask task = leaseOf(1).get(0);

        h.respond(retryOf(task, Duration.ofMillis(500)));

        assertThat(h.service.status().lanes().get(Lane.P20).buffered()).isEqualTo(1);
        assertThat(h.service.status().leases().inFlight()).isZero();
        assertThat(h.committable(Lane.P20, 0)).isZero();
    }

    @Test
    void aRetriedTaskCarriesItsNextAttemptToTheDeadLetterQueue() {
        GrantedTask task = leaseOf(1).get(0);
        h.respond(retryOf(task, Duration.ZERO));
        GrantedTask again = h.fetch(1).tasks().get(0);

        h.respond(failOf(again, "bad input"));

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(write.record().attempt()).isEqualTo(2);
        assertThat(write.deadLetter().attempts()).isEqualTo(2);
        assertThat(write.handoff().firstFailedAt()).isEqualTo(at(0));
    }

    @Test
    void aRetryPastTheInMemoryDelayGoesToItsRetryLevelWithDelayUntil() {
        GrantedTask task = leaseOf(1).get(0);

        h.respond(retryOf(task, Duration.ofSeconds(5)));

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(write.target()).isEqualTo(new HandoffTarget.RetryLevel(2));
        assertThat(write.record().delayUntil()).isEqualTo(h.now().plusSeconds(5));
        assertThat(write.record().attempt()).isEqualTo(1);
        assertThat(write.record().payload().size()).isEqualTo(10);
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
        assertThat(h.service.status().counters().handoffs().retriedByLevel()).containsEntry(2, 1L);
    }

    @Test
    void theRetryThatSpendsTheBudgetGoesToTheDeadLetterQueue() {
        TestSettings settings = new TestSettings();
        settings.retry = new RetrySettings(3, Duration.ofSeconds(1), 4.0, Duration.ofSeconds(1), 2, 3);
        DispatchHarness twice = new DispatchHarness(settings);
        twice.assign(Lane.P20, 0);
        twice.put(event("e0", Priority.P20, at(60_000)));
        twice.respond(retryOf(twice.fetch(1).tasks().get(0), Duration.ZERO));

        twice.respond(retryOf(twice.fetch(1).tasks().get(0), Duration.ZERO));

        RecordingHandoffWriter.Write write = twice.handoffs.last();
        assertThat(write.deadLetter().cause()).isEqualTo(DeadLetterCause.RETRIES_EXHAUSTED);
        assertThat(write.deadLetter().attempts()).isEqualTo(2);
        assertThat(write.record().lastError()).startsWith("retry budget exhausted");
    }

    @Test
    void aFailDeadLettersTheRecordWithTheProcessorsReason() {
        GrantedTask task = leaseOf(1).get(0);

        h.respond(failOf(task, "schema mismatch"));

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(write.reason()).isEqualTo("schema mismatch");
        assertThat(write.record().eventId()).isEqualTo("e0");
        assertThat(write.record().payload().size()).isEqualTo(10);
        assertThat(write.deliveries()).isEqualTo(1);
        assertThat(h.service.status().counters().deadLettered()).isEqualTo(1);
    }

    @Test
    void aFailedTasksOffsetIsDoneOnlyAfterTheDeadLetterWriteIsAcked() {
        h.handoffs.holdWrites();
        GrantedTask task = leaseOf(1).get(0);
        h.respond(failOf(task, null));
        assertThat(h.committable(Lane.P20, 0)).isZero();
        assertThat(h.handoffs.last().reason()).isEqualTo("processor failure");

        h.handoffs.last().result().complete(null);

        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aRetryFromAnEarlierDeliveryIsCountedAsLateAndIgnored() {
        GrantedTask first = leaseOf(1).get(0);
        h.expireLeases();
        GrantedTask second = h.fetch(1).tasks().get(0);

        h.respond(retryOf(first, Duration.ZERO));

        assertThat(h.service.status().counters().lateResponses()).isEqualTo(1);
        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.ack(second);
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aRetryForATaskThisReplicaNeverLeasedIsCountedAsUnknown() {
        h.respond(retryOf(new GrantedTask(new TaskId(0, "eg.p20", 0, 99, 1), new byte[0]), null));

        assertThat(h.service.status().counters().unknown()).isEqualTo(1);
    }

    @Test
    void anAckReplayedFromAnEarlierRunCompletesARecordWaitingInTheQueue() {
        SourcePosition queued = h.put(event("acked-before-restart", Priority.P20, at(60_000)));

        h.respond(ackOf(new GrantedTask(TaskId.of(0, queued, 1), new byte[0])));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(queued.offset() + 1);
        assertThat(h.service.status().counters().restart().replayedAcks()).isEqualTo(1);
    }

    @Test
    void anAckReplayedBeforeItsPartitionIsAssignedSkipsTheRecordOnceItIsPolled() {
        DispatchHarness fresh = new DispatchHarness();
        fresh.respond(ackOf(new GrantedTask(new TaskId(0, "eg.p20", 0, 0, 1), new byte[0])));
        fresh.assign(Lane.P20, 0);

        fresh.put(event("acked-before-restart", Priority.P20, at(60_000)));

        assertThat(fresh.fetch(10).isEmpty()).isTrue();
        assertThat(fresh.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void anAckReplayedBeforeItsRecordIsPolledSkipsTheRecord() {
        h.respond(ackOf(new GrantedTask(new TaskId(0, "eg.p20", 0, 0, 1), new byte[0])));

        h.put(event("acked-before-restart", Priority.P20, at(60_000)));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
        assertThat(h.service.status().counters().restart().skippedOffsets()).isEqualTo(1);
    }

    @Test
    void aSecondAckIsCountedAsDuplicate() {
        GrantedTask task = leaseOf(1).get(0);
        h.ack(task);

        h.ack(task);

        assertThat(h.service.status().counters().duplicates()).isEqualTo(1);
        assertThat(h.service.status().counters().acks()).isEqualTo(1);
    }
}
