package io.eventgateway.domain.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CongestionThresholdsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void defaultsAreValid() {
        assertThat(CongestionThresholds.defaults().clearFraction()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.01, Double.NaN})
    void oldestAgeFractionOutsideZeroToOneIsRejected(double fraction) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CongestionThresholds(fraction, MINUTE, MINUTE, 0.5))
                .withMessage("oldestAgeFractionOfSlo must be in (0, 1], was " + fraction);
    }

    @Test
    void zeroPollDelayLimitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CongestionThresholds(0.5, Duration.ZERO, MINUTE, 0.5))
                .withMessage("maxPollDelay must be a positive duration, was PT0S");
    }

    @Test
    void missingPausedForLimitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CongestionThresholds(0.5, MINUTE, null, 0.5))
                .withMessage("maxPausedFor must be a positive duration, was null");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 1.5})
    void clearFractionMustLeaveAHysteresisGap(double fraction) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CongestionThresholds(0.5, MINUTE, MINUTE, fraction))
                .withMessage("clearFraction must be in (0, 1), was " + fraction);
    }
}
