package io.eventgateway.domain.congestion;

import java.time.Duration;
import java.util.Objects;

/**
 * Derives one replica's P10 {@link CongestionState} from successive {@link LaneHealth} snapshots, with the
 * hysteresis described in {@link CongestionThresholds}. Starts {@link CongestionState#CLEAR}.
 *
 * <p>Mutable and not thread-safe: one owner (the replica's flow-control loop) calls it.
 */
public final class CongestionDetector {

    private final CongestionThresholds thresholds;
    private final Duration oldestAgeLimit;
    private CongestionState state = CongestionState.CLEAR;

    /**
     * @param p10Slo the P10 SLO the oldest-age limit is a fraction of (from the SLO policy)
     */
    public CongestionDetector(CongestionThresholds thresholds, Duration p10Slo) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        if (p10Slo == null || p10Slo.isNegative() || p10Slo.isZero()) {
            throw new IllegalArgumentException("p10Slo must be a positive duration, was " + p10Slo);
        }
        this.oldestAgeLimit = scale(p10Slo, thresholds.oldestAgeFractionOfSlo());
    }

    /** Feeds a fresh snapshot and returns the state it leads to. */
    public CongestionState evaluate(LaneHealth health) {
        Objects.requireNonNull(health, "health");
        state = switch (state) {
            case CLEAR -> reachesAnyLimit(health, 1.0) ? CongestionState.CONGESTED : CongestionState.CLEAR;
            case CONGESTED -> reachesAnyLimit(health, thresholds.clearFraction())
                    ? CongestionState.CONGESTED : CongestionState.CLEAR;
        };
        return state;
    }

    public CongestionState state() {
        return state;
    }

    private boolean reachesAnyLimit(LaneHealth health, double fraction) {
        return reaches(health.oldestAge(), oldestAgeLimit, fraction)
                || reaches(health.pollDelay(), thresholds.maxPollDelay(), fraction)
                || reaches(health.pausedFor(), thresholds.maxPausedFor(), fraction);
    }

    private static boolean reaches(Duration value, Duration limit, double fraction) {
        return value.compareTo(scale(limit, fraction)) >= 0;
    }

    private static Duration scale(Duration duration, double fraction) {
        return Duration.ofNanos(Math.round(duration.toNanos() * fraction));
    }
}
