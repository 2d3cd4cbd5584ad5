package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchServiceFlowControlTest {

    /** A P10 record of about 1.3 KB held; P10 pauses at 2000 of 10 000 bytes and resumes below 1500. */
    private static EventRecord bulky(String id) {
        return event(id, "t1", id, Priority.P10, at(1_200_000), 1_000);
    }

    private static DispatchHarness harness(long maxUncommittedSpan) {
        TestSettings settings = new TestSettings();
        settings.memory = settings.memory.withTotalBytes(12_000);
        settings.maxUncommittedSpan = maxUncommittedSpan;
        return new DispatchHarness(settings);
    }

    @Test
    void givenP10UsageReachesItsThreshold_whenPolled_thenEveryP10PartitionPausesForMemory() {
        DispatchHarness h = harness(1_000);
        h.assign(Lane.P10, 0, 1);

        PartitionControl control = h.poll(Lane.P10, h.record(Lane.P10, 0, bulky("a")), h.record(Lane.P10, 0, bulky("b")));

        assertThat(control.pause()).containsExactlyInAnyOrder(partition(Lane.P10, 0), partition(Lane.P10, 1));
        assertThat(h.service.status().pausedPartitions())
                .containsEntry(partition(Lane.P10, 1), Set.of(PauseReason.MEMORY));
    }

    @Test
    void givenALanePausedForMemory_whenAcksFreeTheMemory_thenItsNextPollResumesIt() {
        DispatchHarness h = harness(1_000);
        h.assign(Lane.P10, 0, 1);
        h.poll(Lane.P10, h.record(Lane.P10, 0, bulky("a")), h.record(Lane.P10, 0, bulky("b")));

        h.ack(h.fetch(10).tasks().toArray(GrantedTask[]::new));
        PartitionControl control = h.poll(Lane.P10);

        assertThat(control.resume()).containsExactlyInAnyOrder(partition(Lane.P10, 0), partition(Lane.P10, 1));
        assertThat(control.pause()).isEmpty();
    }

    @Test
    void aPauseIsReportedOnceNotAtEveryPoll() {
        DispatchHarness h = harness(1_000);
        h.assign(Lane.P10, 0);
        h.poll(Lane.P10, h.record(Lane.P10, 0, bulky("a")), h.record(Lane.P10, 0, bulky("b")));

        assertThat(h.poll(Lane.P10)).isEqualTo(PartitionControl.NONE);
    }

    @Test
    void aPartitionAssignedWhileItsLaneIsPausedForMemoryStartsPaused() {
        DispatchHarness h = harness(1_000);
        h.assign(Lane.P10, 0);
        h.poll(Lane.P10, h.record(Lane.P10, 0, bulky("a")), h.record(Lane.P10, 0, bulky("b")));

        PartitionControl control = h.assign(Lane.P10, 1);

        assertThat(control.pause()).containsExactly(partition(Lane.P10, 1));
    }

    @Test
    void memoryPressureFromOneLanePausesLessUrgentLanesFirst() {
        DispatchHarness h = harness(1_000);
        h.assign(Lane.P10, 0);
        h.assign(Lane.P30, 0);

        // P30 bytes alone pass P10's 20 % threshold: P10 stops at its next poll, P30 keeps polling.
        PartitionControl p30 = h.poll(Lane.P30, h.record(Lane.P30, 0, event("a", "t1", "a", Priority.P30, at(5_000),
                1_000)), h.record(Lane.P30, 0, event("b", "t1", "b", Priority.P30, at(5_000), 1_000)));
        PartitionControl p10 = h.poll(Lane.P10);

        assertThat(p30).isEqualTo(PartitionControl.NONE);
        assertThat(p10.pause()).containsExactly(partition(Lane.P10, 0));
    }

    @Test
    void givenOneStuckOffset_whenTheSpanPassesTheLimit_thenOnlyItsPartitionPauses() {
        DispatchHarness h = harness(5);
        h.assign(Lane.P20, 0, 1);
        for (int i = 0; i < 6; i++) {
            h.poll(Lane.P20, h.record(Lane.P20, 0, event("e" + i, Priority.P20, at(60_000))));
        }
        List<GrantedTask> tasks = h.fetch(10).tasks();
        h.ack(tasks.stream().filter(task -> task.taskId().offset() != 0).toArray(GrantedTask[]::new));

        PartitionControl control = h.poll(Lane.P20);

        assertThat(h.service.status().pausedPartitions())
                .containsOnlyKeys(partition(Lane.P20, 0))
                .containsEntry(partition(Lane.P20, 0), Set.of(PauseReason.SPAN));
        assertThat(control).isEqualTo(PartitionControl.NONE);
    }

    @Test
    void givenAStuckOffsetPausedItsPartition_whenItIsAcked_thenThePartitionResumes() {
        DispatchHarness h = harness(5);
        h.assign(Lane.P20, 0);
        for (int i = 0; i < 6; i++) {
            h.poll(Lane.P20, h.record(Lane.P20, 0, event("e" + i, Priority.P20, at(60_000))));
        }
        List<GrantedTask> tasks = h.fetch(10).tasks();
        h.ack(tasks.stream().filter(task -> task.taskId().offset() != 0).toArray(GrantedTask[]::new));

        h.ack(tasks.stream().filter(task -> task.taskId().offset() == 0).toArray(GrantedTask[]::new));

        assertThat(h.poll(Lane.P20).resume()).containsExactly(partition(Lane.P20, 0));
    }

    @Test
    void givenPausedForMemoryAndSpan_whenMemoryClears_thenItStaysPausedForTheSpan() {
        DispatchHarness h = harness(2);
        h.assign(Lane.P10, 0);
        PartitionControl paused = h.poll(Lane.P10, h.record(Lane.P10, 0, bulky("a")),
                h.record(Lane.P10, 0, bulky("b")), h.record(Lane.P10, 0, bulky("c")));
        assertThat(h.service.status().pausedPartitions().get(partition(Lane.P10, 0)))
                .containsExactlyInAnyOrder(PauseReason.MEMORY, PauseReason.SPAN);

        List<GrantedTask> tasks = h.fetch(10).tasks();
        h.ack(tasks.stream().filter(task -> task.taskId().offset() != 0).toArray(GrantedTask[]::new));

        assertThat(paused.pause()).containsExactly(partition(Lane.P10, 0));
        assertThat(h.poll(Lane.P10)).isEqualTo(PartitionControl.NONE);
        assertThat(h.service.status().pausedPartitions())
                .containsEntry(partition(Lane.P10, 0), Set.of(PauseReason.SPAN));
    }
}
