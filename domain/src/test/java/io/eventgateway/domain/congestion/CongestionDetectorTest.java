package io.eventgateway.domain.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CongestionDetectorTest {

    /** Oldest-age limit 10 min (half of 20), poll delay limit 2 min, pause limit 1 min; clear below half. */
    private final CongestionDetector detector =
            new CongestionDetector(CongestionThresholds.defaults(), Duration.ofMinutes(20));

    private static LaneHealth oldest(Duration age) {
        return new LaneHealth(age, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void startsClear() {
        assertThat(detector.state()).isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void anIdleLaneIsClear() {
        assertThat(detector.evaluate(LaneHealth.idle())).isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void oldestTaskBelowTheFractionOfTheSloStaysClear() {
        assertThat(detector.evaluate(oldest(Duration.ofMinutes(10).minusMillis(1))))
                .isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void oldestTaskAtTheFractionOfTheSloIsCongested() {
        assertThat(detector.evaluate(oldest(Duration.ofMinutes(10)))).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void pollDelayAtItsLimitIsCongested() {
        LaneHealth lagging = new LaneHealth(Duration.ZERO, Duration.ofMinutes(2), Duration.ZERO);
        assertThat(detector.evaluate(lagging)).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void pauseAtItsLimitIsCongested() {
        LaneHealth paused = new LaneHealth(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
        assertThat(detector.evaluate(paused)).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void givenCongested_whenSignalsDropBelowTheLimitButNotBelowTheClearFraction_thenStaysCongested() {
        detector.evaluate(oldest(Duration.ofMinutes(10)));

        assertThat(detector.evaluate(oldest(Duration.ofMinutes(6)))).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void givenCongested_whenEverySignalIsBelowTheClearFraction_thenClear() {
        detector.evaluate(oldest(Duration.ofMinutes(10)));

        assertThat(detector.evaluate(oldest(Duration.ofMinutes(5).minusMillis(1))))
                .isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void givenCongested_whenOneSignalStaysAboveTheClearFraction_thenStaysCongested() {
        detector.evaluate(oldest(Duration.ofMinutes(10)));

        LaneHealth stillPaused = new LaneHealth(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30));
        assertThat(detector.evaluate(stillPaused)).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void nonPositiveSloIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CongestionDetector(CongestionThresholds.defaults(), Duration.ZERO))
                .withMessage("p10Slo must be a positive duration, was PT0S");
    }
}
