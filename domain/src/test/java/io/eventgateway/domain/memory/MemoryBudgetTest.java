package io.eventgateway.domain.memory;

import static io.eventgateway.domain.memory.HoldKind.BUFFERED;
import static io.eventgateway.domain.memory.HoldKind.DELAYED;
import static io.eventgateway.domain.memory.HoldKind.LEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventgateway.domain.memory.LaneDecision.PauseLane;
import io.eventgateway.domain.memory.LaneDecision.ResumeLane;
import io.eventgateway.domain.priority.Lane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryBudgetTest {

    /** Total 1000 bytes: P10 pauses at 200, offload 300, P20 500, retry 700, P30 800; resume 50 lower. */
    private final MemoryBudget budget = new MemoryBudget(MemoryBudgetSettings.defaults().withTotalBytes(1_000));

    @ParameterizedTest
    @EnumSource(Lane.class)
    void everyLaneStartsRunningAndEmpty(Lane lane) {
        assertThat(budget.state(lane)).isEqualTo(LaneState.RUNNING);
        assertThat(budget.usedBytes(lane)).isZero();
    }

    @Test
    void usageIsSummedAcrossKindsAndLanes() {
        budget.add(Lane.P30, BUFFERED, 10);
        budget.add(Lane.P30, LEASED, 20);
        budget.add(Lane.RETRY, DELAYED, 5);

        assertThat(budget.usedBytes(Lane.P30)).isEqualTo(30);
        assertThat(budget.usedBytes(Lane.P30, LEASED)).isEqualTo(20);
        assertThat(budget.usedBytes()).isEqualTo(35);
    }

    @Test
    void releaseSubtracts() {
        budget.add(Lane.P20, BUFFERED, 10);

        budget.release(Lane.P20, BUFFERED, 4);

        assertThat(budget.usedBytes(Lane.P20, BUFFERED)).isEqualTo(6);
        assertThat(budget.usedBytes()).isEqualTo(6);
    }

    @Test
    void thePeakIsTheMostEverHeldAndOutlivesTheRelease() {
        budget.add(Lane.P10, BUFFERED, 300);
        budget.add(Lane.P30, BUFFERED, 100);
        budget.release(Lane.P10, BUFFERED, 300);
        budget.add(Lane.P20, BUFFERED, 50);

        assertThat(budget.usedBytes()).isEqualTo(150);
        assertThat(budget.peakUsedBytes()).isEqualTo(400);
    }

    @Test
    void releasingMoreThanIsHeldIsABrokenInvariant() {
        budget.add(Lane.P20, BUFFERED, 10);

        assertThatIllegalStateException()
                .isThrownBy(() -> budget.release(Lane.P20, BUFFERED, 11))
                .withMessage("cannot take 11 bytes from P20/BUFFERED: only 10 are held");
        assertThat(budget.usedBytes()).isEqualTo(10);
    }

    @Test
    void releasingFromAnotherKindThanWasAddedIsABrokenInvariant() {
        budget.add(Lane.P20, BUFFERED, 10);

        assertThatIllegalStateException().isThrownBy(() -> budget.release(Lane.P20, LEASED, 1));
    }

    @Test
    void moveRelabelsBytesWithoutChangingTheTotal() {
        budget.add(Lane.P10, BUFFERED, 10);

        budget.move(Lane.P10, BUFFERED, LEASED, 7);

        assertThat(budget.usedBytes(Lane.P10, BUFFERED)).isEqualTo(3);
        assertThat(budget.usedBytes(Lane.P10, LEASED)).isEqualTo(7);
        assertThat(budget.usedBytes()).isEqualTo(10);
    }

    @Test
    void movingMoreThanIsHeldIsABrokenInvariant() {
        budget.add(Lane.P10, LEASED, 5);

        assertThatIllegalStateException()
                .isThrownBy(() -> budget.move(Lane.P10, LEASED, DELAYED, 6))
                .withMessage("cannot take 6 bytes from P10/LEASED: only 5 are held");
    }

    @Test
    void negativeBytesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> budget.add(Lane.P10, BUFFERED, -1))
                .withMessage("bytes must be >= 0, was -1");
    }

    @Test
    void belowEveryThresholdNothingChanges() {
        budget.add(Lane.P10, BUFFERED, 199);

        assertThat(budget.evaluate()).isEmpty();
    }

    @Test
    void atTheP10ThresholdOnlyP10Pauses() {
        budget.add(Lane.P30, BUFFERED, 200);

        assertThat(budget.evaluate()).containsExactly(new PauseLane(Lane.P10));
        assertThat(budget.state(Lane.P10)).isEqualTo(LaneState.PAUSED);
    }

    @Test
    void theTotalNotTheLanesOwnUsageDecidesItsPause() {
        budget.add(Lane.P30, BUFFERED, 500);

        assertThat(budget.evaluate())
                .containsExactly(new PauseLane(Lane.P20), new PauseLane(Lane.P10), new PauseLane(Lane.OFFLOAD));
    }

    @Test
    void atTheP30ThresholdEveryLanePauses() {
        budget.add(Lane.P30, BUFFERED, 800);

        assertThat(budget.evaluate()).hasSize(Lane.values().length);
    }

    @Test
    void aSecondEvaluationWithoutChangeDecidesNothing() {
        budget.add(Lane.P30, BUFFERED, 800);
        budget.evaluate();

        assertThat(budget.evaluate()).isEmpty();
    }

    @Test
    void aPausedLaneDoesNotResumeWithinTheHysteresis() {
        budget.add(Lane.P10, BUFFERED, 200);
        budget.evaluate();

        budget.release(Lane.P10, BUFFERED, 50);

        assertThat(budget.evaluate()).isEmpty();
        assertThat(budget.state(Lane.P10)).isEqualTo(LaneState.PAUSED);
    }

    @Test
    void aPausedLaneResumesBelowThresholdMinusHysteresis() {
        budget.add(Lane.P10, BUFFERED, 200);
        budget.evaluate();

        budget.release(Lane.P10, BUFFERED, 51);

        assertThat(budget.evaluate()).containsExactly(new ResumeLane(Lane.P10));
        assertThat(budget.state(Lane.P10)).isEqualTo(LaneState.RUNNING);
    }

    @Test
    void newSettingsApplyAtTheNextEvaluation() {
        budget.add(Lane.P10, BUFFERED, 150);

        budget.updateSettings(MemoryBudgetSettings.defaults().withTotalBytes(500));

        assertThat(budget.evaluate()).containsExactly(new PauseLane(Lane.P10), new PauseLane(Lane.OFFLOAD));
    }
}
