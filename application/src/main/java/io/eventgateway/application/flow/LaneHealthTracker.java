package io.eventgateway.application.flow;

import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.domain.congestion.LaneHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns successive snapshots of one lane into {@link LaneHealth}, remembering since when the lane has been paused
 * without interruption: the dispatch status says only whether it is paused now.
 *
 * <p>The pause is sampled, so it counts from the first snapshot that saw it (up to one interval late) and a resume
 * and pause again between two snapshots goes unseen; both err toward calling a replica congested later, never
 * sooner. Not thread-safe: the flow-control loop owns it.
 */
public final class LaneHealthTracker {

    /** When the lane was first seen paused in the current unbroken run of paused snapshots; null while running. */
    private Instant pausedSince;

    public LaneHealth observe(OrchestratorStatus.LaneStatus lane, Instant now) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(now, "now");
        if (!lane.paused()) {
            pausedSince = null;
        } else if (pausedSince == null) {
            pausedSince = now;
        }
        Duration pausedFor = pausedSince == null ? Duration.ZERO : atLeastZero(Duration.between(pausedSince, now));
        return new LaneHealth(Duration.ofMillis(Math.max(0, lane.oldestAgeMs())),
                Duration.ofMillis(Math.max(0, lane.pollDelayMs())), pausedFor);
    }

    /** A clock stepped back (NTP) must not make a negative duration, which LaneHealth refuses. */
    private static Duration atLeastZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
