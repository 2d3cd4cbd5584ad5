package io.eventgateway.domain.congestion;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneHealthTest {

    @Test
    void negativeOldestAgeIsRejectedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LaneHealth(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .withMessage("oldestAge must be a duration >= 0, was PT-1S");
    }

    @Test
    void missingPollDelayIsRejectedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LaneHealth(Duration.ZERO, null, Duration.ZERO))
                .withMessage("pollDelay must be a duration >= 0, was null");
    }

    @Test
    void negativePausedForIsRejectedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new LaneHealth(Duration.ZERO, Duration.ZERO, Duration.ofMillis(-5)))
                .withMessageStartingWith("pausedFor must be a duration >= 0");
    }
}
