package io.eventgateway.domain.lease;

import static io.eventgateway.domain.dispatch.TestTasks.T0;
import static io.eventgateway.domain.dispatch.TestTasks.at;
import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseTableTest {

    private static final int REPLICA = 2;
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant FAR = at(1_000_000_000L);

    private final LeaseTable table = new LeaseTable(REPLICA, 7, LeaseSettings.of(TTL, 3));
    private final QueuedTask first = task(1, "acme", 1_000);
    private final QueuedTask second = task(2, "acme", 1_000);

    private Lease grant(Instant now, QueuedTask... tasks) {
        return table.grant(List.of(tasks), now, null, "processor-1");
    }

    private static TaskId idOf(Lease lease, int index) {
        return lease.tasks().get(index).taskId();
    }

    @Test
    void aFirstGrantNumbersTheDeliveryOneForThisReplicaAndMarksTheFirstLease() {
        Lease lease = grant(T0, first);

        LeasedTask leased = lease.tasks().get(0);
        assertThat(leased.taskId()).isEqualTo(TaskId.of(REPLICA, first.source(), 1));
        assertThat(leased.firstLease()).isTrue();
        assertThat(lease.id()).isEqualTo(new LeaseId(REPLICA, 7, 1));
        assertThat(lease.expiresAt()).isEqualTo(T0.plus(TTL));
    }

    @Test
    void aProcessorMayAskForAShorterLeaseButNotALongerOne() {
        Lease shorter = table.grant(List.of(first), T0, Duration.ofSeconds(5), "p");
        Lease longer = table.grant(List.of(second), T0, Duration.ofMinutes(5), "p");

        assertThat(shorter.ttl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(longer.ttl()).isEqualTo(TTL);
    }

    @Test
    void aTaskAlreadyLeasedCannotBeLeasedAgain() {
        grant(T0, first);

        assertThatThrownBy(() -> grant(T0, first)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already leased");
    }

    @Test
    void aBatchNamingATaskTwiceIsRefusedWithoutLeasingAnything() {
        assertThatThrownBy(() -> grant(T0, first, first)).isInstanceOf(IllegalArgumentException.class);

        assertThat(table.leasedCount()).isZero();
    }

    @Test
    void extendingMovesTheExpiry() {
        Lease lease = grant(T0, first);

        ExtendResult result = table.extend(lease.id(), at(10_000), Duration.ofSeconds(30));

        assertThat(result).isEqualTo(new ExtendResult.Extended(lease.id(), at(40_000), false));
    }

    @Test
    void extendingIsCappedAtTheMaximumLeaseTotal() {
        Lease lease = grant(T0, first);

        ExtendResult result = table.extend(lease.id(), at(20_000), Duration.ofMinutes(10));

        assertThat(result).isEqualTo(new ExtendResult.Extended(lease.id(), T0.plus(TTL.multipliedBy(5)), true));
    }

    @Test
    void extendingAnUnknownLeaseSaysSo() {
        LeaseId unknown = new LeaseId(REPLICA, 7, 99);

        assertThat(table.extend(unknown, T0, TTL)).isEqualTo(new ExtendResult.UnknownLease(unknown));
    }

    @Test
    void extendingALeasePastItsExpirySaysItExpired() {
        Lease lease = grant(T0, first);

        assertThat(table.extend(lease.id(), T0.plus(TTL), TTL)).isEqualTo(new ExtendResult.Expired(lease.id()));
    }

    @Test
    void anAckFromTheCurrentDeliveryCompletesTheTask() {
        Lease lease = grant(T0, first);

        assertThat(table.onAck(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Completed(first, false));
        assertThat(table.leasedCount()).isZero();
        assertThat(table.activeLeases()).isZero();
    }

    @Test
    void anAckFromAnEarlierDeliveryCompletesTheTaskAndCancelsItsCurrentLease() {
        Lease expired = grant(T0, first);
        table.expire(T0.plus(TTL), FAR);
        Lease current = grant(at(40_000), first);

        assertThat(table.onAck(idOf(expired, 0))).isEqualTo(new ResponseOutcome.Completed(first, false));
        assertThat(table.leasedCount()).isZero();
        assertThat(table.expire(FAR, FAR).decisions()).isEmpty();
        assertThat(table.onAck(idOf(current, 0))).isEqualTo(new ResponseOutcome.Duplicate(idOf(current, 0)));
    }

    @Test
    void anAckForATaskBackInTheQueueCompletesItAndSaysItIsQueued() {
        Lease lease = grant(T0, first);
        table.expire(T0.plus(TTL), FAR);

        assertThat(table.onAck(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Completed(first, true));
    }

    @Test
    void aSecondAckIsADuplicate() {
        Lease lease = grant(T0, first);
        table.onAck(idOf(lease, 0));

        assertThat(table.onAck(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Duplicate(idOf(lease, 0)));
    }

    @Test
    void anAckForATaskNeverLeasedIsUnknown() {
        TaskId never = TaskId.of(REPLICA, first.source(), 1);

        assertThat(table.onAck(never)).isEqualTo(new ResponseOutcome.Unknown(never));
    }

    @Test
    void anAckRoutedFromAnotherReplicaIsUnknown() {
        grant(T0, first);
        TaskId foreign = TaskId.of(REPLICA + 1, first.source(), 1);

        assertThat(table.onAck(foreign)).isEqualTo(new ResponseOutcome.Unknown(foreign));
        assertThat(table.leasedCount()).isEqualTo(1);
    }

    @Test
    void anAckForADeliveryNeverGrantedIsUnknown() {
        grant(T0, first);
        TaskId future = TaskId.of(REPLICA, first.source(), 2);

        assertThat(table.onAck(future)).isEqualTo(new ResponseOutcome.Unknown(future));
    }

    @Test
    void aRetryFromTheCurrentDeliveryHandsTheTaskToTheRetryPath() {
        Lease lease = grant(T0, first);

        assertThat(table.onRetry(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Retrying(first, 0));
        assertThat(table.stateOf(first.source())).isNull();
    }

    @Test
    void aRetryFromAnEarlierDeliveryIsLateAndIgnored() {
        Lease expired = grant(T0, first);
        table.expire(T0.plus(TTL), FAR);
        grant(at(40_000), first);

        assertThat(table.onRetry(idOf(expired, 0))).isEqualTo(new ResponseOutcome.Late(idOf(expired, 0)));
        assertThat(table.stateOf(first.source())).isEqualTo(TaskState.LEASED);
    }

    @Test
    void aFailFromTheCurrentDeliverySendsTheTaskToTheDlq() {
        Lease lease = grant(T0, first);

        assertThat(table.onFail(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Failed(first));
    }

    @Test
    void aFailForATaskBackInTheQueueIsLate() {
        Lease lease = grant(T0, first);
        table.expire(T0.plus(TTL), FAR);

        assertThat(table.onFail(idOf(lease, 0))).isEqualTo(new ResponseOutcome.Late(idOf(lease, 0)));
    }

    @Test
    void anExpiredLeaseRequeuesItsTasksCountingOneDelivery() {
        grant(T0, first, second);

        ExpiryResult result = table.expire(T0.plus(TTL), FAR);

        assertThat(result.decisions()).containsExactly(
                new ExpiryDecision.Requeue(first, 1), new ExpiryDecision.Requeue(second, 1));
        assertThat(table.stateOf(first.source())).isEqualTo(TaskState.BUFFERED);
    }

    @Test
    void aLeaseIsNotExpiredBeforeItsExpiry() {
        grant(T0, first);

        assertThat(table.expire(T0.plus(TTL).minusMillis(1), FAR).decisions()).isEmpty();
    }

    @Test
    void givenResponsesReadOnlyUpToBeforeTheExpiry_whenExpiring_thenTheLeaseWaitsAndIsCountedAsHeldBack() {
        grant(T0, first);

        ExpiryResult result = table.expire(at(60_000), at(29_999));

        assertThat(result.decisions()).isEmpty();
        assertThat(result.heldBackLeases()).isEqualTo(1);
    }

    @Test
    void givenResponsesReadPastTheExpiry_whenExpiring_thenTheLeaseExpires() {
        grant(T0, first);

        assertThat(table.expire(at(60_000), at(30_000)).decisions()).hasSize(1);
    }

    @Test
    void anAckedTaskDoesNotExpireWithTheRestOfItsLease() {
        Lease lease = grant(T0, first, second);
        table.onAck(idOf(lease, 0));

        assertThat(table.expire(T0.plus(TTL), FAR).decisions())
                .containsExactly(new ExpiryDecision.Requeue(second, 1));
    }

    @Test
    void afterMaxDeliveriesExpiriesATaskEscalates() {
        Instant now = T0;
        for (int delivery = 1; delivery < 3; delivery++) {
            grant(now, first);
            now = now.plus(TTL);
            assertThat(table.expire(now, FAR).decisions()).containsExactly(new ExpiryDecision.Requeue(first, delivery));
        }
        grant(now, first);

        assertThat(table.expire(now.plus(TTL), FAR).decisions()).containsExactly(new ExpiryDecision.Escalate(first, 3));
        assertThat(table.stateOf(first.source())).isNull();
    }

    @Test
    void aReleasedTaskIsHandedBackWithoutCountingADelivery() {
        Lease lease = grant(T0, first);

        ReleaseResult result = table.release(List.of(idOf(lease, 0)));
        grant(at(1_000), first);

        assertThat(result).isEqualTo(new ReleaseResult(List.of(first), 0));
        assertThat(table.expire(FAR, FAR).decisions()).containsExactly(new ExpiryDecision.Requeue(first, 1));
    }

    @Test
    void aReleasedTaskLeasedAgainGetsTheNextDeliveryNumberButIsNotAFirstLease() {
        Lease lease = grant(T0, first);
        table.release(List.of(idOf(lease, 0)));

        LeasedTask again = grant(at(1_000), first).tasks().get(0);

        assertThat(again.taskId().delivery()).isEqualTo(2);
        assertThat(again.firstLease()).isFalse();
    }

    @Test
    void releasingAnOldDeliveryIsIgnoredAndCounted() {
        Lease old = grant(T0, first);
        table.release(List.of(idOf(old, 0)));
        grant(at(1_000), first);

        assertThat(table.release(List.of(idOf(old, 0)))).isEqualTo(new ReleaseResult(List.of(), 1));
        assertThat(table.stateOf(first.source())).isEqualTo(TaskState.LEASED);
    }

    @Test
    void leasedCountAndBytesFollowGrantsAndResolutions() {
        Lease lease = grant(T0, first, second);
        assertThat(table.leasedCount()).isEqualTo(2);
        assertThat(table.leasedBytes()).isEqualTo(first.bytes() + second.bytes());

        table.onAck(idOf(lease, 0));

        assertThat(table.leasedCount()).isEqualTo(1);
        assertThat(table.leasedBytes()).isEqualTo(second.bytes());
    }

    @Test
    void aBufferedTaskCanBeForgottenButALeasedOneCannot() {
        Lease lease = grant(T0, first, second);
        table.release(List.of(idOf(lease, 0)));

        assertThat(table.forget(first.source())).isTrue();
        assertThat(table.trackedCount()).isEqualTo(1);
        assertThatThrownBy(() -> table.forget(second.source())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> table.grant(List.of(), T0, null, "p")).isInstanceOf(IllegalArgumentException.class);
    }
}
