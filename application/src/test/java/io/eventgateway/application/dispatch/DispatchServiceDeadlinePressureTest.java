package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Under a surge that pauses P20 for memory, P10 work past its deadline moves to offload, a bounded number of times. */
class DispatchServiceDeadlinePressureTest {

    private final DispatchHarness h = harness();

    private static DispatchHarness harness() {
        TestSettings settings = new TestSettings();
        // P20 pauses at 5,000 bytes held.
        settings.memory = settings.memory.withTotalBytes(10_000);
        DispatchHarness harness = new DispatchHarness(settings);
        harness.assign(Lane.P10, 0);
        harness.assign(Lane.P20, 0);
        return harness;
    }

    private void surge() {
        h.poll(Lane.P20, h.record(Lane.P20, 0, event("surge", "t1", "surge", Priority.P20, at(60_000), 6_000)));
    }

    @Test
    void queuedP10TasksPastTheirDeadlineMoveToOffloadWhileP20IsPausedForMemory() {
        h.put(event("late", Priority.P10, at(1_000)));
        h.put(event("on-time", Priority.P10, at(600_000)));
        surge();
        h.advance(Duration.ofSeconds(2));

        h.service.tick();

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(h.handoffs.writes()).hasSize(1);
        assertThat(write.target()).isEqualTo(new HandoffTarget.Offload());
        assertThat(write.record().eventId()).isEqualTo("late");
        assertThat(write.record().offloads()).isEqualTo(1);
        assertThat(h.service.status().counters().handoffs().offloaded()).isEqualTo(1);
    }

    @Test
    void withoutMemoryPressureHigherUpLateP10WorkStaysQueued() {
        h.put(event("late", Priority.P10, at(1_000)));
        h.advance(Duration.ofSeconds(2));

        h.service.tick();

        assertThat(h.handoffs.writes()).isEmpty();
        assertThat(h.eventIds(h.fetch(10))).containsExactly("late");
    }

    @Test
    void anEventOffloadedMaxOffloadsTimesStaysQueued() {
        h.put(event("shed-twice", Priority.P10, at(1_000)).withOffloads(2));
        surge();
        h.advance(Duration.ofSeconds(2));

        h.service.tick();

        assertThat(h.handoffs.writes()).isEmpty();
    }
}
