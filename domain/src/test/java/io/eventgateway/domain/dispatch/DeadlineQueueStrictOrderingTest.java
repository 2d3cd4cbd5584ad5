package io.eventgateway.domain.dispatch;

import static io.eventgateway.domain.dispatch.DeadlineQueueTest.offsets;
import static io.eventgateway.domain.dispatch.TestTasks.T0;
import static io.eventgateway.domain.dispatch.TestTasks.at;
import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineQueueStrictOrderingTest {

    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;
    private static final OrderingKey KEY = new OrderingKey("acme", "order-1");

    private final DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults().withStrictKeyOrdering(true));

    private static QueuedTask keyed(long offset, long deadlineMillis) {
        return task(offset, KEY.tenant(), KEY.key(), Priority.P20, deadlineMillis);
    }

    @Test
    void givenTwoTasksOfOneKey_whenPolled_thenOnlyTheFirstIsLeased() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(1L);
        assertThat(queue.pollBatch(T0, 10, NO_BYTE_LIMIT)).isEmpty();
    }

    @Test
    void aKeysTasksLeaveInOffsetOrderEvenWhenALaterOneIsDueSooner() {
        queue.offer(keyed(1, 9_000));
        queue.offer(keyed(2, 1_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(1L);
    }

    @Test
    void givenALeasedTask_whenItIsDone_thenTheKeysNextTaskIsLeasable() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        queue.onDone(keyed(1, 1_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void aBlockedKeyDoesNotHoldBackOtherKeys() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));
        queue.offer(task(3, "acme", "other", Priority.P20, 5_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(1L, 3L);
    }

    @Test
    void aReleasedTaskGoesBackToTheHeadOfItsKey() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));
        List<QueuedTask> leased = queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        queue.release(leased);

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(1L);
    }

    @Test
    void releasingATaskOfAKeyWithNothingLeasedIsRefused() {
        queue.offer(keyed(1, 1_000));

        assertThatThrownBy(() -> queue.release(List.of(keyed(2, 1_000))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOverdueHeadIsLeasedAndStillBlocksItsKey() {
        queue.offer(keyed(1, 500));
        queue.offer(keyed(2, 600));

        assertThat(offsets(queue.pollBatch(at(1_000), 10, NO_BYTE_LIMIT))).containsExactly(1L);
        assertThat(queue.pollBatch(at(1_000), 10, NO_BYTE_LIMIT)).isEmpty();
    }

    @Test
    void parkingReturnsTheKeysBufferedTasksInOrder() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));
        queue.offer(keyed(3, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        List<QueuedTask> followers = queue.park(KEY);

        assertThat(offsets(followers)).containsExactly(2L, 3L);
        assertThat(queue.size()).isZero();
    }

    @Test
    void givenAParkedKey_whenATaskOfItArrives_thenItMustFollowTheParkedKey() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        queue.park(KEY);

        assertThat(queue.offer(keyed(2, 1_000))).isEqualTo(OfferResult.FOLLOW_PARKED);
        assertThat(queue.size()).isZero();
    }

    @Test
    void givenAParkedKey_whenItsChainReturnsFromRetry_thenItIsServedOneTaskAtATime() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        queue.park(KEY);

        queue.offerFromRetry(task(100, KEY.tenant(), KEY.key(), Priority.P20, 2_000));
        queue.offerFromRetry(task(101, KEY.tenant(), KEY.key(), Priority.P20, 2_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(100L);
        assertThat(queue.pollBatch(T0, 10, NO_BYTE_LIMIT)).isEmpty();
    }

    @Test
    void givenAParkedKey_whenUnparked_thenNewTasksAreQueuedAgain() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        queue.park(KEY);

        queue.unpark(KEY);

        assertThat(queue.offer(keyed(2, 1_000))).isEqualTo(OfferResult.QUEUED);
        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void givenTheReturningHeadIsLeased_whenItIsAckedAndTheKeyUnparked_thenTheChainContinues() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        queue.park(KEY);
        queue.offerFromRetry(task(100, KEY.tenant(), KEY.key(), Priority.P20, 2_000));
        queue.offerFromRetry(task(101, KEY.tenant(), KEY.key(), Priority.P20, 2_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        queue.onDone(keyed(1, 1_000));
        queue.unpark(KEY);

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(101L);
    }

    @Test
    void parkingAKeyWithoutALeasedTaskIsRefused() {
        queue.offer(keyed(1, 1_000));

        assertThatThrownBy(() -> queue.park(KEY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unparkingAKeyThatIsNotParkedIsRefused() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        assertThatThrownBy(() -> queue.unpark(KEY)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doneForAKeyWithoutALeasedTaskIsRefused() {
        queue.offer(keyed(1, 1_000));

        assertThatThrownBy(() -> queue.onDone(keyed(1, 1_000))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsWithoutAGroupKeyAreNeverSerialisedAndTheirDoneIsANoOp() {
        queue.offer(task(1, "acme", null, Priority.P20, 1_000));
        queue.offer(task(2, "acme", null, Priority.P20, 1_000));
        queue.offer(task(3, "acme", null, Priority.P20, 1_000));

        List<QueuedTask> leased = queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        leased.forEach(queue::onDone);

        assertThat(offsets(leased)).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> leased.get(0).orderingKey()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeylessTaskHandedBackIsLeasableAgainWithoutAKeyLease() {
        queue.offer(task(1, "acme", null, Priority.P20, 1_000));
        List<QueuedTask> leased = queue.pollBatch(T0, 10, NO_BYTE_LIMIT);

        queue.release(leased);

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(1L);
    }

    @Test
    void theSameKeyInTwoTenantsIsOrderedIndependently() {
        queue.offer(task(1, "acme", "shared", Priority.P20, 1_000));
        queue.offer(task(2, "globex", "shared", Priority.P20, 1_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void removingTheHeadMakesTheNextTaskLeasable() {
        queue.offer(keyed(1, 1_000));
        queue.offer(keyed(2, 1_000));

        queue.remove(new SourcePosition(TestTasks.TOPIC, 0, 1));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void aKeyIsForgottenOnceItsLastTaskIsDone() {
        queue.offer(keyed(1, 1_000));
        queue.pollBatch(T0, 10, NO_BYTE_LIMIT);
        queue.onDone(keyed(1, 1_000));

        assertThatThrownBy(() -> queue.onDone(keyed(1, 1_000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no leased or queued task");
    }
}
