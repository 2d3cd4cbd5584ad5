package io.eventgateway.application.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.application.dispatch.OrchestratorStatus.LaneStatus;
import io.eventgateway.domain.congestion.LaneHealth;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaneHealthTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final LaneHealthTracker tracker = new LaneHealthTracker();

    @Test
    void oldestAgeAndPollDelayAreTakenFromTheStatus() {
        LaneHealth health = tracker.observe(new LaneStatus(5, 100, false, 1_500, 250, 7), T0);

        assertThat(health).isEqualTo(new LaneHealth(Duration.ofMillis(1_500), Duration.ofMillis(250), Duration.ZERO));
    }

    @Test
    void thePauseCountsFromTheFirstSnapshotThatSawIt() {
        tracker.observe(status(false), T0);
        tracker.observe(status(true), T0.plusSeconds(1));

        assertThat(tracker.observe(status(true), T0.plusSeconds(4)).pausedFor()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRunningSnapshotEndsThePause() {
        tracker.observe(status(true), T0);

        assertThat(tracker.observe(status(false), T0.plusSeconds(5)).pausedFor()).isZero();
        assertThat(tracker.observe(status(true), T0.plusSeconds(6)).pausedFor()).isZero();
    }

    @Test
    void aClockSteppedBackGivesNoNegativePause() {
        tracker.observe(status(true), T0);

        assertThat(tracker.observe(status(true), T0.minusSeconds(2)).pausedFor()).isZero();
    }

    private static LaneStatus status(boolean paused) {
        return new LaneStatus(0, 0, paused, 0, 0, 0);
    }
}
