package io.eventgateway.domain.admission;

import static io.eventgateway.domain.congestion.AdmissionAdvice.DECREASE;
import static io.eventgateway.domain.congestion.AdmissionAdvice.HOLD;
import static io.eventgateway.domain.congestion.AdmissionAdvice.INCREASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AimdControllerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Floor 10, ceiling 1000, start 100, +10, ×0.5; decreases 5 s apart, increases 1 s apart. */
    private final AimdController controller = new AimdController(
            new AimdSettings(10, 1000, 100, 10, 0.5, Duration.ofSeconds(5), Duration.ofSeconds(1)));

    @Test
    void startsAtTheInitialRate() {
        assertThat(controller.rate()).isEqualTo(100.0);
    }

    @Test
    void increaseAddsTheStep() {
        assertThat(controller.onSignal(INCREASE, T0)).isEqualTo(110.0);
    }

    @Test
    void decreaseMultipliesByTheFactor() {
        assertThat(controller.onSignal(DECREASE, T0)).isEqualTo(50.0);
    }

    @Test
    void holdKeepsTheRate() {
        assertThat(controller.onSignal(HOLD, T0)).isEqualTo(100.0);
    }

    @Test
    void aSecondDecreaseWithinTheMinimumIntervalIsIgnored() {
        controller.onSignal(DECREASE, T0);

        assertThat(controller.onSignal(DECREASE, T0.plusMillis(4_999))).isEqualTo(50.0);
    }

    @Test
    void aDecreaseOnceTheMinimumIntervalHasPassedApplies() {
        controller.onSignal(DECREASE, T0);

        assertThat(controller.onSignal(DECREASE, T0.plusSeconds(5))).isEqualTo(25.0);
    }

    @Test
    void increasesAreAtMostOnePerMinimumInterval() {
        controller.onSignal(INCREASE, T0);

        assertThat(controller.onSignal(INCREASE, T0.plusMillis(999))).isEqualTo(110.0);
        assertThat(controller.onSignal(INCREASE, T0.plusSeconds(1))).isEqualTo(120.0);
    }

    @Test
    void anIncreaseRightAfterADecreaseWaitsTheIncreaseInterval() {
        controller.onSignal(DECREASE, T0);

        assertThat(controller.onSignal(INCREASE, T0.plusMillis(500))).isEqualTo(50.0);
    }

    @Test
    void aDecreaseRightAfterAnIncreaseIsNotDelayed() {
        controller.onSignal(INCREASE, T0);

        assertThat(controller.onSignal(DECREASE, T0.plusMillis(1))).isEqualTo(55.0);
    }

    @Test
    void decreasesStopAtTheFloor() {
        Instant now = T0;
        for (int i = 0; i < 10; i++) {
            controller.onSignal(DECREASE, now);
            now = now.plusSeconds(5);
        }
        assertThat(controller.rate()).isEqualTo(10.0);
    }

    @Test
    void increasesStopAtTheCeiling() {
        Instant now = T0;
        for (int i = 0; i < 200; i++) {
            controller.onSignal(INCREASE, now);
            now = now.plusSeconds(1);
        }
        assertThat(controller.rate()).isEqualTo(1000.0);
    }

    @Test
    void whenTheClockStepsBack_thenADecreaseWaits() {
        controller.onSignal(DECREASE, T0);

        assertThat(controller.onSignal(DECREASE, T0.minusSeconds(60))).isEqualTo(50.0);
    }

    @Test
    void updatingTheSettingsClampsTheCurrentRateIntoTheNewBounds() {
        double rate = controller.updateSettings(
                new AimdSettings(200, 2000, 500, 10, 0.5, Duration.ofSeconds(5), Duration.ofSeconds(1)));

        assertThat(rate).isEqualTo(200.0);
        assertThat(controller.rate()).isEqualTo(200.0);
    }

    @Test
    void updatingTheSettingsKeepsARateThatIsWithinTheNewBounds() {
        controller.updateSettings(new AimdSettings(1, 2000, 500, 10, 0.5, Duration.ZERO, Duration.ZERO));

        assertThat(controller.rate()).isEqualTo(100.0);
    }
}
