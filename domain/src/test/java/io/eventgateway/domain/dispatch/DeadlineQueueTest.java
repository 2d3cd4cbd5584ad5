package io.eventgateway.domain.dispatch;

import static io.eventgateway.domain.dispatch.TestTasks.T0;
import static io.eventgateway.domain.dispatch.TestTasks.at;
import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlineQueueTest {

    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;

    private final DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults());

    static List<Long> offsets(List<QueuedTask> batch) {
        return batch.stream().map(task -> task.source().offset()).toList();
    }

    @Test
    void aP10TaskDueSoonerIsServedBeforeAP30TaskDueLater() {
        queue.offer(task(1, "acme", "k1", Priority.P30, 4_000));
        queue.offer(task(2, "acme", "k2", Priority.P10, 2_000));

        assertThat(offsets(queue.pollBatch(T0, 1, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void givenTasksDueFarApart_whenPolled_thenTheyLeaveInDeadlineOrder() {
        queue.offer(task(1, "a", 3_000));
        queue.offer(task(2, "b", 1_000));
        queue.offer(task(3, "c", 2_000));

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L, 3L, 1L);
    }

    @Test
    void aBatchHoldsAtMostMaxTasks() {
        for (long offset = 0; offset < 10; offset++) {
            queue.offer(task(offset, "acme", 1_000 + offset * 1_000));
        }

        assertThat(queue.pollBatch(T0, 4, NO_BYTE_LIMIT)).hasSize(4);
        assertThat(queue.size()).isEqualTo(6);
    }

    @Test
    void aBatchStopsBeforeTheNextTaskWouldExceedMaxBytes() {
        QueuedTask first = task(1, "acme", "k1", Priority.P20, 1_000, 100);
        QueuedTask second = task(2, "acme", "k2", Priority.P20, 2_000, 100);
        queue.offer(first);
        queue.offer(second);

        List<QueuedTask> batch = queue.pollBatch(T0, 10, first.bytes() + second.bytes() - 1);

        assertThat(offsets(batch)).containsExactly(1L);
    }

    @Test
    void aBatchHoldsOneTaskEvenWhenThatTaskAloneExceedsMaxBytes() {
        queue.offer(task(1, "acme", "k1", Priority.P20, 1_000, 10_000));

        assertThat(offsets(queue.pollBatch(T0, 10, 1))).containsExactly(1L);
    }

    @Test
    void anEmptyQueueYieldsAnEmptyBatch() {
        assertThat(queue.pollBatch(T0, 10, NO_BYTE_LIMIT)).isEmpty();
    }

    @Test
    void givenTwoTenantsInOneWindow_whenPolled_thenTheyAlternate() {
        for (long offset = 0; offset < 6; offset++) {
            queue.offer(task(offset, "big", 1_000));
        }
        queue.offer(task(10, "small", 1_050));
        queue.offer(task(11, "small", 1_060));

        List<QueuedTask> batch = queue.pollBatch(T0, 4, NO_BYTE_LIMIT);

        assertThat(batch).extracting(QueuedTask::tenant).containsExactly("big", "small", "big", "small");
    }

    @Test
    void givenOneTenantWithTwoKeysInOneWindow_whenPolled_thenTheKeysAlternate() {
        for (long offset = 0; offset < 6; offset++) {
            queue.offer(task(offset, "acme", "busy", Priority.P20, 1_000));
        }
        queue.offer(task(10, "acme", "quiet", Priority.P20, 1_050));

        List<QueuedTask> batch = queue.pollBatch(T0, 3, NO_BYTE_LIMIT);

        assertThat(batch).extracting(QueuedTask::key).containsExactly("busy", "quiet", "busy");
    }

    @Test
    void aTenantsEventsWithoutAGroupKeyShareOneKeySoAKeyedNeighbourIsNotOutnumbered() {
        for (long offset = 0; offset < 6; offset++) {
            queue.offer(task(offset, "acme", null, Priority.P20, 1_000 + offset));
        }
        queue.offer(task(10, "acme", "order-7", Priority.P20, 1_050));
        queue.offer(task(11, "acme", "order-7", Priority.P20, 1_060));

        List<QueuedTask> batch = queue.pollBatch(T0, 4, NO_BYTE_LIMIT);

        assertThat(batch).extracting(QueuedTask::key).containsExactly("", "order-7", "", "order-7");
        assertThat(offsets(batch)).containsExactly(0L, 10L, 1L, 11L);
    }

    @Test
    void givenTasksOutsideTheWindow_whenPolled_thenFairnessDoesNotPullThemAhead() {
        queue.offer(task(1, "a", 1_000));
        queue.offer(task(2, "a", 1_010));
        queue.offer(task(3, "b", 1_500));

        assertThat(offsets(queue.pollBatch(T0, 3, NO_BYTE_LIMIT))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aTenantArrivingLaterJoinsTheBackOfTheRotation() {
        queue.offer(task(1, "a", 1_000));
        queue.offer(task(2, "a", 1_000));
        queue.offer(task(3, "b", 1_000));
        queue.offer(task(4, "b", 1_000));
        assertThat(queue.pollBatch(T0, 1, NO_BYTE_LIMIT)).extracting(QueuedTask::tenant).containsExactly("a");

        queue.offer(task(5, "c", 1_000));

        assertThat(queue.pollBatch(T0, 3, NO_BYTE_LIMIT)).extracting(QueuedTask::tenant)
                .containsExactly("b", "a", "c");
    }

    @Test
    void givenManyOnTimeTasks_whenOverdueTasksWait_thenTheyGetOnlyTheirShareOfABatch() {
        for (long offset = 0; offset < 20; offset++) {
            queue.offer(task(offset, "acme", 10_000 + offset));
        }
        for (long offset = 100; offset < 110; offset++) {
            queue.offer(task(offset, "acme", 500));
        }

        List<QueuedTask> batch = queue.pollBatch(at(1_000), 10, NO_BYTE_LIMIT);

        assertThat(batch).filteredOn(task -> task.orderingDeadline().isBefore(at(1_000))).hasSize(1);
    }

    @Test
    void givenOnlyOverdueTasks_whenPolled_thenTheyFillTheBatch() {
        for (long offset = 0; offset < 10; offset++) {
            queue.offer(task(offset, "acme", 500));
        }
        queue.offer(task(50, "acme", 5_000));

        List<QueuedTask> batch = queue.pollBatch(at(1_000), 8, NO_BYTE_LIMIT);

        assertThat(batch).hasSize(8);
        assertThat(offsets(batch)).contains(50L);
    }

    @Test
    void overdueTasksAreServedMostUrgentPriorityFirstThenByDeadline() {
        queue.offer(task(1, "acme", "k1", Priority.P10, 100));
        queue.offer(task(2, "acme", "k2", Priority.P30, 300));
        queue.offer(task(3, "acme", "k3", Priority.P30, 200));
        queue.offer(task(4, "acme", "k4", Priority.P20, 50));

        assertThat(offsets(queue.pollBatch(at(1_000), 4, NO_BYTE_LIMIT))).containsExactly(3L, 2L, 4L, 1L);
    }

    @Test
    void givenBatchesSmallerThanTheShareAllows_whenOverdueTasksWait_thenTheyStillGetASlotEveryFewBatches() {
        for (long offset = 0; offset < 100; offset++) {
            queue.offer(task(offset, "acme", 10_000 + offset));
        }
        for (long offset = 1_000; offset < 1_010; offset++) {
            queue.offer(task(offset, "acme", 500));
        }

        long overdueServed = 0;
        for (int batch = 0; batch < 4; batch++) {
            overdueServed += queue.pollBatch(at(1_000), 5, NO_BYTE_LIMIT).stream()
                    .filter(task -> task.source().offset() >= 1_000).count();
        }

        // 10 % of 5 slots is half a slot per batch: one slot every second batch.
        assertThat(overdueServed).isEqualTo(2);
    }

    @Test
    void aTaskDueExactlyNowIsStillOnTime() {
        queue.offer(task(1, "acme", "k1", Priority.P10, 1_000));
        queue.offer(task(2, "acme", "k2", Priority.P30, 999));
        queue.offer(task(3, "acme", "k3", Priority.P30, 5_000));

        assertThat(offsets(queue.pollBatch(at(1_000), 2, NO_BYTE_LIMIT))).containsExactly(1L, 3L);
    }

    @Test
    void givenAFullQueue_whenOffered_thenItRefuses() {
        DeadlineQueue small = new DeadlineQueue(DispatchSettings.defaults().withMaxTasks(2));
        small.offer(task(1, "acme", 1_000));
        small.offer(task(2, "acme", 1_000));

        assertThatThrownBy(() -> small.offer(task(3, "acme", 1_000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("full");
    }

    @Test
    void offeringASourcePositionTwiceIsRefused() {
        queue.offer(task(1, "acme", 1_000));

        assertThatThrownBy(() -> queue.offer(task(1, "other", 2_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already queued");
    }

    @Test
    void sizeAndBytesFollowOffersAndPolls() {
        QueuedTask first = task(1, "acme", "k1", Priority.P20, 1_000, 10);
        QueuedTask second = task(2, "acme", "k2", Priority.P20, 2_000, 20);
        queue.offer(first);
        queue.offer(second);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.bytes()).isEqualTo(first.bytes() + second.bytes());

        queue.pollBatch(T0, 1, NO_BYTE_LIMIT);

        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.bytes()).isEqualTo(second.bytes());
    }

    @Test
    void aRemovedTaskIsNotServed() {
        queue.offer(task(1, "acme", 1_000));
        queue.offer(task(2, "acme", 2_000));

        assertThat(queue.remove(new SourcePosition(TestTasks.TOPIC, 0, 1))).isPresent();

        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void removingAnUnknownPositionFindsNothing() {
        assertThat(queue.remove(new SourcePosition(TestTasks.TOPIC, 0, 99))).isEmpty();
    }

    @Test
    void removeIfTakesOutEveryMatchingTask() {
        queue.offer(task(1, "acme", 1_000));
        queue.offer(task(2, "other", 1_000));
        queue.offer(task(3, "acme", 1_000));

        List<QueuedTask> removed = queue.removeIf(task -> task.tenant().equals("acme"));

        assertThat(offsets(removed)).containsExactlyInAnyOrder(1L, 3L);
        assertThat(offsets(queue.pollBatch(T0, 10, NO_BYTE_LIMIT))).containsExactly(2L);
    }

    @Test
    void aReleasedTaskIsServedAgain() {
        queue.offer(task(1, "acme", 1_000));
        List<QueuedTask> leased = queue.pollBatch(T0, 1, NO_BYTE_LIMIT);

        queue.release(leased);

        assertThat(offsets(queue.pollBatch(T0, 1, NO_BYTE_LIMIT))).containsExactly(1L);
    }

    @Test
    void aReleaseIsAcceptedEvenWhenTheQueueIsAtItsBound() {
        DeadlineQueue small = new DeadlineQueue(DispatchSettings.defaults().withMaxTasks(1));
        small.offer(task(1, "acme", 1_000));
        List<QueuedTask> leased = small.pollBatch(T0, 1, NO_BYTE_LIMIT);
        small.offer(task(2, "acme", 1_000));

        small.release(leased);

        assertThat(small.size()).isEqualTo(2);
    }

    @Test
    void withoutStrictOrderingTwoTasksOfOneKeyMayBeLeasedTogether() {
        queue.offer(task(1, "acme", "k", Priority.P20, 1_000));
        queue.offer(task(2, "acme", "k", Priority.P20, 1_000));

        assertThat(queue.pollBatch(T0, 10, NO_BYTE_LIMIT)).hasSize(2);
    }

    @Test
    void withoutStrictOrderingParkingIsRefused() {
        assertThatThrownBy(() -> queue.park(new OrderingKey("acme", "k")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("strict");
    }

    @Test
    void aZeroWindowServesPureDeadlineOrder() {
        DeadlineQueue edf = new DeadlineQueue(
                new DispatchSettings(Duration.ZERO, 0.1, false, 100));
        edf.offer(task(1, "a", 1_000));
        edf.offer(task(2, "a", 1_001));
        edf.offer(task(3, "b", 1_002));

        assertThat(offsets(edf.pollBatch(T0, 3, NO_BYTE_LIMIT))).containsExactly(1L, 2L, 3L);
    }
}
