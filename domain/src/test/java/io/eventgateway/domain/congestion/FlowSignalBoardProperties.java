package io.eventgateway.domain.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FlowSignalBoardProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);

    @Property(tries = 100)
    void adviceFollowsTheRuleOverTheNewestSignalOfEachReplica(
            @ForAll @IntRange(min = 1, max = 5) int expectedReplicas,
            @ForAll @Size(max = 30) List<@From("signals") FlowSignal> signals,
            @ForAll @IntRange(min = 0, max = 40) int nowSeconds) {
        FlowSignalBoard board = new FlowSignalBoard(expectedReplicas, STALE_AFTER);
        Map<Integer, FlowSignal> newest = new HashMap<>();
        for (FlowSignal signal : signals) {
            board.record(signal, signal.publishedAt());
            newest.merge(signal.replicaIndex(), signal,
                    (held, incoming) -> incoming.publishedAt().isBefore(held.publishedAt()) ? held : incoming);
        }
        Instant now = T0.plusSeconds(nowSeconds);

        AdmissionAdvice advice = board.advice(now);

        boolean anyFreshCongested = newest.values().stream()
                .anyMatch(s -> isFresh(s, now) && s.state() == CongestionState.CONGESTED);
        boolean allExpectedFreshAndClear = true;
        for (int replica = 0; replica < expectedReplicas; replica++) {
            FlowSignal signal = newest.get(replica);
            allExpectedFreshAndClear &= signal != null && isFresh(signal, now)
                    && signal.state() == CongestionState.CLEAR;
        }
        assertThat(advice == AdmissionAdvice.DECREASE).isEqualTo(anyFreshCongested);
        if (advice == AdmissionAdvice.INCREASE) {
            assertThat(allExpectedFreshAndClear).isTrue();
        }
        if (!anyFreshCongested && allExpectedFreshAndClear) {
            assertThat(advice).isEqualTo(AdmissionAdvice.INCREASE);
        }
    }

    private static boolean isFresh(FlowSignal signal, Instant now) {
        return Duration.between(signal.publishedAt(), now).compareTo(STALE_AFTER) <= 0;
    }

    @Provide
    Arbitrary<FlowSignal> signals() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(CongestionState.class),
                        Arbitraries.integers().between(0, 40))
                .as((replica, state, second) -> new FlowSignal(replica, state, T0.plusSeconds(second)));
    }
}
