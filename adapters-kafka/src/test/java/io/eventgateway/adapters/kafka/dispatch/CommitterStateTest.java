package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommitterStateTest {

    @ParameterizedTest
    @EnumSource(value = CommitterState.class, names = {"FENCED", "FAILED", "CLOSED"})
    void aTerminalStateNeverReturnsToReady(CommitterState terminal) {
        assertThatIllegalStateException().isThrownBy(() -> terminal.moveTo(CommitterState.READY));
    }

    @ParameterizedTest
    @EnumSource(CommitterState.class)
    void everyStateCanClose(CommitterState state) {
        assertThat(state.moveTo(CommitterState.CLOSED)).isEqualTo(CommitterState.CLOSED);
    }

    @Test
    void aTimedOutCommitIsFinishedBeforeTheCommitterIsReadyAgain() {
        assertThat(CommitterState.READY.moveTo(CommitterState.COMMIT_PENDING).moveTo(CommitterState.READY))
                .isEqualTo(CommitterState.READY);
    }

    @Test
    void aCommitterCannotBeginBeforeTransactionsAreInitialized() {
        assertThatIllegalStateException()
                .isThrownBy(() -> CommitterState.INITIALIZING.moveTo(CommitterState.COMMIT_PENDING));
    }
}
