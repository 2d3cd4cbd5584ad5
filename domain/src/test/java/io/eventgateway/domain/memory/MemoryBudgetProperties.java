package io.eventgateway.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MemoryBudgetProperties {

    private static final List<Lane> PAUSE_ORDER = List.of(Lane.P10, Lane.OFFLOAD, Lane.P20, Lane.RETRY, Lane.P30);

    record Change(Lane lane, HoldKind kind, long bytes) {
    }

    @Provide
    Arbitrary<Change> changes() {
        return Combinators.combine(
                        Arbitraries.of(Lane.class), Arbitraries.of(HoldKind.class), Arbitraries.longs().between(0, 400))
                .as(Change::new);
    }

    @Property(tries = 100)
    void asUsageRisesLanesPauseInOrderP10OffloadP20RetryP30AndNeverResume(
            @ForAll @LongRange(min = 100, max = 10_000) long totalBytes,
            @ForAll @Size(max = 60) List<@From("changes") Change> adds) {
        MemoryBudget budget = new MemoryBudget(MemoryBudgetSettings.defaults().withTotalBytes(totalBytes));
        for (Change add : adds) {
            budget.add(add.lane(), add.kind(), add.bytes());

            assertThat(budget.evaluate()).allMatch(decision -> decision instanceof LaneDecision.PauseLane);
            assertThat(pausedPrefixLength(budget)).isEqualTo(pausedCount(budget));
        }
    }

    @Property(tries = 100)
    void noLaneIsResumedWhileUsageIsAtOrAboveItsThresholdAndStatesMatchUsage(
            @ForAll @LongRange(min = 100, max = 10_000) long totalBytes,
            @ForAll @Size(max = 80) List<@From("changes") Change> changes) {
        MemoryBudget budget = new MemoryBudget(MemoryBudgetSettings.defaults().withTotalBytes(totalBytes));
        for (Change change : changes) {
            // Even-sized changes add; odd-sized ones release what they can, so usage goes up and down.
            if (change.bytes() % 2 == 0) {
                budget.add(change.lane(), change.kind(), change.bytes());
            } else {
                budget.release(change.lane(), change.kind(),
                        Math.min(change.bytes(), budget.usedBytes(change.lane(), change.kind())));
            }

            List<LaneDecision> decisions = budget.evaluate();

            MemoryBudgetSettings settings = budget.settings();
            for (LaneDecision decision : decisions) {
                if (decision instanceof LaneDecision.ResumeLane resume) {
                    assertThat(budget.usedBytes()).isLessThan(settings.pauseAtBytes(resume.lane()));
                }
            }
            for (Lane lane : Lane.values()) {
                if (budget.usedBytes() >= settings.pauseAtBytes(lane)) {
                    assertThat(budget.state(lane)).isEqualTo(LaneState.PAUSED);
                }
                if (budget.usedBytes() < settings.resumeBelowBytes(lane)) {
                    assertThat(budget.state(lane)).isEqualTo(LaneState.RUNNING);
                }
            }
        }
    }

    private static int pausedPrefixLength(MemoryBudget budget) {
        int length = 0;
        while (length < PAUSE_ORDER.size() && budget.state(PAUSE_ORDER.get(length)) == LaneState.PAUSED) {
            length++;
        }
        return length;
    }

    private static long pausedCount(MemoryBudget budget) {
        return PAUSE_ORDER.stream().filter(lane -> budget.state(lane) == LaneState.PAUSED).count();
    }
}
