package io.eventgateway.domain.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void defaultsAreTheDesignsSlos() {
        SloPolicy policy = SloPolicy.defaults();

        assertThat(policy.defaultDeadline(Priority.P30, NOW)).isEqualTo(NOW.plusSeconds(5));
        assertThat(policy.defaultDeadline(Priority.P20, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(policy.defaultDeadline(Priority.P10, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void theEarliestAllowedDeadlineIsIngestPlusTheFloor() {
        assertThat(SloPolicy.defaults().earliestAllowedDeadline(Priority.P10, NOW)).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aMissingPriorityIsRefused() {
        assertThatThrownBy(() -> new SloPolicy(Map.of(Priority.P30, Duration.ofSeconds(1)), Map.of()))
                .hasMessageContaining("slo is missing priority P20");
    }

    @Test
    void aFloorAboveTheSloIsRefused() {
        Map<Priority, Duration> slo = Map.of(Priority.P30, Duration.ofSeconds(5), Priority.P20,
                Duration.ofSeconds(60), Priority.P10, Duration.ofMinutes(20));
        Map<Priority, Duration> floor = Map.of(Priority.P30, Duration.ofSeconds(6), Priority.P20, Duration.ZERO,
                Priority.P10, Duration.ZERO);

        assertThatThrownBy(() -> new SloPolicy(slo, floor)).hasMessageContaining("floor of P30");
    }

    @Test
    void lanesFollowPrioritiesAndUrgencyFollowsDeclarationOrder() {
        assertThat(Lane.of(Priority.P10)).isEqualTo(Lane.P10);
        assertThat(Priority.P30.isMoreUrgentThan(Priority.P10)).isTrue();
        assertThat(Priority.parse(" p20 ")).contains(Priority.P20);
        assertThat(Priority.parse("P99")).isEmpty();
    }
}
