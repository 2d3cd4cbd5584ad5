package io.eventgateway.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.task.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Seeded runs of {@link DispatchSimulation}; each checks the dispatch invariants at every step. */
class DispatchSimulationTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyRecordIsDoneAndCommittedWhileTheInvariantsHold(long seed) {
        DispatchSimulation.Report report = new DispatchSimulation(DispatchSimulation.Config.of(seed)).run();

        assertThat(report.acked() + report.deadLettered()).isGreaterThanOrEqualTo(1_200);
        assertThat(report.retries()).isPositive();
        assertThat(report.expired()).isPositive();
    }

    @Test
    void memoryPressureIsReachedSoTheBudgetIsActuallyTested() {
        DispatchSimulation.Report report = new DispatchSimulation(DispatchSimulation.Config.of(7)).run();

        // P10 pauses at 20 % of the budget: a run that never got there would not test the bound.
        assertThat(report.peakMemoryBytes()).isGreaterThan(report.budgetBytes() / 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 77})
    void underStrictKeyOrderingEachKeyIsServedOneAtATimeInOffsetOrder(long seed) {
        DispatchSimulation.Report report =
                new DispatchSimulation(DispatchSimulation.Config.of(seed).withStrictOrdering()).run();

        assertThat(report.granted()).isGreaterThanOrEqualTo(1_100);
    }

    @Test
    void oneStuckOffsetPausesItsPartitionAtTheSpanLimitUntilItIsDeadLettered() {
        SourcePosition stuck = new SourcePosition("eg.p10", 0, 3);
        DispatchSimulation.Config config = DispatchSimulation.Config.of(11).withStuckRecord(stuck, 40, 6);

        DispatchSimulation.Report report = new DispatchSimulation(config).run();

        assertThat(report.pausedForSpan()).contains(DispatchHarness.partition(
                io.eventgateway.domain.priority.Lane.P10, 0));
        assertThat(report.deadLettered()).isPositive();
    }

    @Test
    void aSeedReproducesTheSameRun() {
        DispatchSimulation.Report first = new DispatchSimulation(DispatchSimulation.Config.of(99)).run();
        DispatchSimulation.Report second = new DispatchSimulation(DispatchSimulation.Config.of(99)).run();

        assertThat(second.grantOrder()).isEqualTo(first.grantOrder());
    }
}
