package io.eventgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.congestion.CongestionThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowControlConfigTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theThresholdsCarryTheConfiguredLimits() {
        FlowControlConfig config = new FlowControlConfig(SECOND, Duration.ofSeconds(5), 0.25,
                Duration.ofMinutes(2), Duration.ofMinutes(1), 0.4);

        assertThat(config.thresholds()).isEqualTo(new CongestionThresholds(0.25, Duration.ofMinutes(2),
                Duration.ofMinutes(1), 0.4));
    }

    @ParameterizedTest
    @ValueSource(longs = {500, 1_000})
    void aStaleAfterNoLongerThanTheIntervalIsRefusedNamingBothKeys(long staleAfterMs) {
        assertThatThrownBy(() -> new FlowControlConfig(SECOND, Duration.ofMillis(staleAfterMs), 0.5, SECOND, SECOND,
                0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventgateway.flow-control.stale-after")
                .hasMessageContaining("must be longer than eventgateway.flow-control.interval");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, 1.5})
    void anOldestAgeFractionOutsideZeroToOneIsRefused(double fraction) {
        assertThatThrownBy(() -> new FlowControlConfig(SECOND, Duration.ofSeconds(5), fraction, SECOND, SECOND, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventgateway.flow-control.oldest-age-fraction must be in (0, 1]");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void aClearFractionOutsideTheOpenUnitIntervalIsRefused(double fraction) {
        assertThatThrownBy(() -> new FlowControlConfig(SECOND, Duration.ofSeconds(5), 0.5, SECOND, SECOND, fraction))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventgateway.flow-control.clear-fraction must be in (0, 1)");
    }

    @Test
    void aZeroMaxPausedForIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new FlowControlConfig(SECOND, Duration.ofSeconds(5), 0.5, SECOND, Duration.ZERO,
                0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventgateway.flow-control.max-paused-for must be a positive duration");
    }
}
