package io.eventgateway.domain.congestion;

import java.time.Duration;

/**
 * When a replica calls its P10 lane congested. It becomes {@link CongestionState#CONGESTED} when any signal
 * reaches its limit, and {@link CongestionState#CLEAR} again only when every signal is below
 * {@code clearFraction} of its limit: the gap between the two is the hysteresis that keeps a replica hovering
 * near a limit from flapping, which would make every publisher's rate saw-tooth.
 *
 * @param oldestAgeFractionOfSlo congested when the oldest buffered P10 task is older than this fraction of the
 *                               P10 SLO: past it, the backlog is eating into the deadline
 * @param maxPollDelay           congested when the lane consumer lags this much
 * @param maxPausedFor           congested when the lane has been paused (memory full) this long
 * @param clearFraction          in (0, 1): clear again when every signal is below this fraction of its limit
 */
public record CongestionThresholds(
        double oldestAgeFractionOfSlo, Duration maxPollDelay, Duration maxPausedFor, double clearFraction) {

    /** Half the P10 SLO, a 2-minute lag or a 1-minute pause; clear below half of each. */
    public static CongestionThresholds defaults() {
        return new CongestionThresholds(0.5, Duration.ofMinutes(2), Duration.ofMinutes(1), 0.5);
    }

    public CongestionThresholds {
        if (!(oldestAgeFractionOfSlo > 0.0 && oldestAgeFractionOfSlo <= 1.0)) {
            throw new IllegalArgumentException(
                    "oldestAgeFractionOfSlo must be in (0, 1], was " + oldestAgeFractionOfSlo);
        }
        requirePositive(maxPollDelay, "maxPollDelay");
        requirePositive(maxPausedFor, "maxPausedFor");
        if (!(clearFraction > 0.0 && clearFraction < 1.0)) {
            throw new IllegalArgumentException("clearFraction must be in (0, 1), was " + clearFraction);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
