package io.eventgateway.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AimdSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void defaultsStartWithinTheirBounds() {
        AimdSettings defaults = AimdSettings.defaults();

        assertThat(defaults.initial()).isBetween(defaults.floor(), defaults.ceiling());
    }

    @Test
    void zeroFloorIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(0, 10, 5, 1, 0.5, SECOND, SECOND))
                .withMessage("floor must be a finite number > 0, was 0.0");
    }

    @Test
    void ceilingBelowFloorIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(10, 5, 5, 1, 0.5, SECOND, SECOND))
                .withMessage("ceiling must be a finite number >= floor=10.0, was 5.0");
    }

    @Test
    void initialOutsideTheBoundsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(1, 10, 11, 1, 0.5, SECOND, SECOND))
                .withMessage("initial must be in [floor=1.0, ceiling=10.0], was 11.0");
    }

    @Test
    void nonPositiveAdditiveStepIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(1, 10, 5, 0, 0.5, SECOND, SECOND))
                .withMessage("additiveStep must be a finite number > 0, was 0.0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 1.5, -0.5})
    void decreaseFactorOutsideZeroToOneIsRejected(double factor) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(1, 10, 5, 1, factor, SECOND, SECOND))
                .withMessage("decreaseFactor must be in (0, 1), was " + factor);
    }

    @Test
    void negativeMinDecreaseIntervalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(1, 10, 5, 1, 0.5, Duration.ofSeconds(-1), SECOND))
                .withMessage("minDecreaseInterval must be a duration >= 0, was PT-1S");
    }

    @Test
    void missingMinIncreaseIntervalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AimdSettings(1, 10, 5, 1, 0.5, SECOND, null))
                .withMessage("minIncreaseInterval must be a duration >= 0, was null");
    }
}
