package io.eventgateway.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void defaultsHoldTheFirstLevelInMemory() {
        RetrySettings defaults = RetrySettings.defaults();

        assertThat(defaults.baseDelay()).isLessThanOrEqualTo(defaults.inMemoryMaxDelay());
    }

    @Test
    void zeroLevelsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(0, SECOND, 2, SECOND, 3, 3))
                .withMessage("levels must be >= 1, was 0");
    }

    @Test
    void zeroBaseDelayIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, Duration.ZERO, 2, SECOND, 3, 3))
                .withMessage("baseDelay must be a positive duration, was PT0S");
    }

    @Test
    void aMultiplierBelowOneIsRejected_becauseDelaysWouldShrinkWithTheLevel() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, SECOND, 0.5, SECOND, 3, 3))
                .withMessage("multiplier must be a finite number >= 1, was 0.5");
    }

    @Test
    void aLongestDelayTooLongToRepresentIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(60, SECOND, 10, SECOND, 3, 3))
                .withMessage("the delay of level 60 (baseDelay=PT1S × multiplier=10.0^59) is too long to represent");
    }

    @Test
    void negativeInMemoryMaxDelayIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, SECOND, 2, Duration.ofSeconds(-1), 3, 3))
                .withMessage("inMemoryMaxDelay must be a duration >= 0, was PT-1S");
    }

    @Test
    void zeroMaxAttemptsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, SECOND, 2, SECOND, 0, 3))
                .withMessage("maxAttempts must be >= 1, was 0");
    }

    @Test
    void zeroMaxDeliveriesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySettings(3, SECOND, 2, SECOND, 3, 0))
                .withMessage("maxDeliveries must be >= 1, was 0");
    }
}
