package io.eventgateway.domain.congestion;

import static io.eventgateway.domain.congestion.CongestionState.CLEAR;
import static io.eventgateway.domain.congestion.CongestionState.CONGESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlowSignalBoardTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private final FlowSignalBoard board = new FlowSignalBoard(2, STALE_AFTER);

    @Test
    void withNoSignalsAtAll_holds() {
        assertThat(board.advice(T0)).isEqualTo(AdmissionAdvice.HOLD);
    }

    @Test
    void withEveryExpectedReplicaFreshAndClear_increases() {
        board.record(new FlowSignal(0, CLEAR, T0), T0);
        board.record(new FlowSignal(1, CLEAR, T0), T0);

        assertThat(board.advice(T0.plusSeconds(1))).isEqualTo(AdmissionAdvice.INCREASE);
    }

    @Test
    void withOneExpectedReplicaMissing_holds() {
        board.record(new FlowSignal(0, CLEAR, T0), T0);

        assertThat(board.advice(T0)).isEqualTo(AdmissionAdvice.HOLD);
    }

    @Test
    void withOneFreshCongestedReplica_decreasesEvenWhenAnotherIsMissing() {
        board.record(new FlowSignal(1, CONGESTED, T0), T0);

        assertThat(board.advice(T0)).isEqualTo(AdmissionAdvice.DECREASE);
    }

    @Test
    void aSignalExactlyStaleAfterOldIsStillFresh() {
        board.record(new FlowSignal(0, CONGESTED, T0), T0);

        assertThat(board.advice(T0.plus(STALE_AFTER))).isEqualTo(AdmissionAdvice.DECREASE);
    }

    @Test
    void aStaleCongestedSignalCountsAsUnknown_soTheBoardHolds() {
        board.record(new FlowSignal(0, CONGESTED, T0), T0);
        board.record(new FlowSignal(1, CLEAR, T0.plusSeconds(20)), T0.plusSeconds(20));

        assertThat(board.advice(T0.plusSeconds(20))).isEqualTo(AdmissionAdvice.HOLD);
    }

    @Test
    void aStaleClearSignalPreventsAnIncrease() {
        board.record(new FlowSignal(0, CLEAR, T0), T0);
        board.record(new FlowSignal(1, CLEAR, T0.plusSeconds(20)), T0.plusSeconds(20));

        assertThat(board.advice(T0.plusSeconds(20))).isEqualTo(AdmissionAdvice.HOLD);
    }

    @Test
    void anOlderSignalArrivingLateIsIgnored() {
        board.record(new FlowSignal(0, CLEAR, T0.plusSeconds(5)), T0.plusSeconds(5));
        board.record(new FlowSignal(1, CLEAR, T0.plusSeconds(5)), T0.plusSeconds(5));

        boolean kept = board.record(new FlowSignal(0, CONGESTED, T0), T0);

        assertThat(kept).isFalse();
        assertThat(board.advice(T0.plusSeconds(5))).isEqualTo(AdmissionAdvice.INCREASE);
    }

    @Test
    void aNewerSignalReplacesTheHeldOne() {
        board.record(new FlowSignal(0, CONGESTED, T0), T0);
        board.record(new FlowSignal(1, CLEAR, T0), T0);

        boolean kept = board.record(new FlowSignal(0, CLEAR, T0.plusSeconds(1)), T0.plusSeconds(1));

        assertThat(kept).isTrue();
        assertThat(board.advice(T0.plusSeconds(1))).isEqualTo(AdmissionAdvice.INCREASE);
    }

    @Test
    void aFreshCongestedSignalFromAReplicaBeyondTheExpectedCountStillDecreases() {
        board.record(new FlowSignal(0, CLEAR, T0), T0);
        board.record(new FlowSignal(1, CLEAR, T0), T0);
        board.record(new FlowSignal(2, CONGESTED, T0), T0);

        assertThat(board.advice(T0)).isEqualTo(AdmissionAdvice.DECREASE);
    }

    @Test
    void aSignalPublishedAheadOfThePublishersClockIsFresh() {
        board.record(new FlowSignal(0, CONGESTED, T0.plusSeconds(30)), T0);

        assertThat(board.advice(T0)).isEqualTo(AdmissionAdvice.DECREASE);
    }

    @Test
    void aSignalPublishedAheadOfThePublishersClockGoesStaleAfterItArrivedNotAfterItsDate() {
        Instant later = T0.plus(STALE_AFTER).plusSeconds(1);
        board.record(new FlowSignal(0, CLEAR, T0.plusSeconds(3_600)), T0);
        board.record(new FlowSignal(1, CLEAR, later), later);

        assertThat(board.advice(later)).isEqualTo(AdmissionAdvice.HOLD);
    }

    @Test
    void aLaterSignalReplacesOneThatWasDatedAheadOnceItsArrivalIsLater() {
        board.record(new FlowSignal(0, CLEAR, T0.plusSeconds(3_600)), T0);

        boolean kept = board.record(new FlowSignal(0, CONGESTED, T0.plusSeconds(1)), T0.plusSeconds(1));

        assertThat(kept).isTrue();
        assertThat(board.advice(T0.plusSeconds(1))).isEqualTo(AdmissionAdvice.DECREASE);
    }

    @Test
    void zeroExpectedReplicasIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowSignalBoard(0, STALE_AFTER))
                .withMessage("expectedReplicas must be >= 1, was 0");
    }

    @Test
    void zeroStaleAfterIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowSignalBoard(1, Duration.ZERO))
                .withMessage("staleAfter must be a positive duration, was PT0S");
    }
}
