package io.eventgateway.application.recovery;

import java.time.Duration;

/**
 * How fast recovery may put records back, so a drain does not flood a system that is itself recovering.
 *
 * @param ratePerSecond   records per second at most, over all lanes
 * @param burst           records that may go at once after a quiet spell
 * @param congestionPause how long P10 and offload records wait while an orchestrator replica reports P10
 *                        congestion, before asking again
 */
public record PacingSettings(double ratePerSecond, int burst, Duration congestionPause) {

    public PacingSettings {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a finite number > 0, was " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1, was " + burst);
        }
        if (congestionPause == null || congestionPause.isNegative() || congestionPause.isZero()) {
            throw new IllegalArgumentException("congestionPause must be a positive duration, was " + congestionPause);
        }
    }
}
