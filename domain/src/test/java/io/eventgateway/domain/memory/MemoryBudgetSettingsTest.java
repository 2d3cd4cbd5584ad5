package io.eventgateway.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.domain.priority.Lane;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryBudgetSettingsTest {

    private static Map<Lane, Double> defaultFractions() {
        return new EnumMap<>(MemoryBudgetSettings.defaults().thresholdFraction());
    }

    @Test
    void defaultsFollowTheDesign() {
        MemoryBudgetSettings defaults = MemoryBudgetSettings.defaults();

        assertThat(defaults.thresholdFraction()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Lane.P30, 0.80, Lane.RETRY, 0.70, Lane.P20, 0.50, Lane.OFFLOAD, 0.30, Lane.P10, 0.20));
        assertThat(defaults.hysteresisFraction()).isEqualTo(0.05);
    }

    @Test
    void pauseAndResumePointsAreFractionsOfTheTotal() {
        MemoryBudgetSettings settings = MemoryBudgetSettings.defaults().withTotalBytes(1_000);

        assertThat(settings.pauseAtBytes(Lane.P20)).isEqualTo(500);
        assertThat(settings.resumeBelowBytes(Lane.P20)).isEqualTo(450);
    }

    @Test
    void limitsAreWholeBytesSoBinaryFractionsDoNotShiftThem() {
        MemoryBudgetSettings settings = MemoryBudgetSettings.defaults().withTotalBytes(1_000);

        assertThat(settings.resumeBelowBytes(Lane.P10)).isEqualTo(150);
    }

    @Test
    void zeroTotalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MemoryBudgetSettings.defaults().withTotalBytes(0))
                .withMessage("totalBytes must be >= 1, was 0");
    }

    @Test
    void aMissingLaneThresholdIsRejectedNamingTheLane() {
        Map<Lane, Double> fractions = defaultFractions();
        fractions.remove(Lane.RETRY);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryBudgetSettings(1_000, fractions, 0.05))
                .withMessage("thresholdFraction of RETRY must be in (0, 1], was null");
    }

    @Test
    void aThresholdAboveOneIsRejected() {
        Map<Lane, Double> fractions = defaultFractions();
        fractions.put(Lane.P30, 1.2);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryBudgetSettings(1_000, fractions, 0.05))
                .withMessage("thresholdFraction of P30 must be in (0, 1], was 1.2");
    }

    @Test
    void aHysteresisThatWouldStopTheLowestLaneFromEverResumingIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemoryBudgetSettings(1_000, defaultFractions(), 0.2))
                .withMessage("hysteresisFraction must be in [0, lowest threshold=0.2), was 0.2");
    }
}
