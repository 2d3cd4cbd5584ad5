package io.eventgateway.application.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.priority.Lane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RedrivePacerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration CONGESTION_PAUSE = Duration.ofMillis(250);

    private final RedrivePacer pacer = new RedrivePacer(new PacingSettings(10, 2, CONGESTION_PAUSE),
            new FlowSignalBoard(1, Duration.ofSeconds(5)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theRateCapsRecordsAfterTheBurst() {
        assertThat(pacer.delayFor(Lane.P30, NOW)).isZero();
        assertThat(pacer.delayFor(Lane.P30, NOW)).isZero();

        assertThat(pacer.delayFor(Lane.P30, NOW)).isEqualTo(Duration.ofMillis(100));
        assertThat(pacer.delayFor(Lane.P30, NOW.plusMillis(100))).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Lane.class, names = {"P10", "OFFLOAD"})
    void bulkRecordsWaitWhileAReplicaIsCongested(Lane lane) {
        pacer.onFlowSignal(new FlowSignal(0, CongestionState.CONGESTED, NOW));

        assertThat(pacer.delayFor(lane, NOW)).isEqualTo(CONGESTION_PAUSE);
    }

    @ParameterizedTest
    @EnumSource(value = Lane.class, names = {"P30", "P20"})
    void urgentRecordsGoWhileAReplicaIsCongestedOnP10(Lane lane) {
        pacer.onFlowSignal(new FlowSignal(0, CongestionState.CONGESTED, NOW));

        assertThat(pacer.delayFor(lane, NOW)).isZero();
    }

    @Test
    void bulkRecordsGoAgainOnceTheCongestedStateIsStale() {
        pacer.onFlowSignal(new FlowSignal(0, CongestionState.CONGESTED, NOW));

        assertThat(pacer.delayFor(Lane.P10, NOW.plusSeconds(6))).isZero();
    }
}
