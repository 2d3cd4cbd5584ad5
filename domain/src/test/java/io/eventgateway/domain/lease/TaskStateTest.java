package io.eventgateway.domain.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStateTest {

    private static Set<TaskState> allowedFrom(TaskState state) {
        return switch (state) {
            case BUFFERED -> EnumSet.of(TaskState.LEASED, TaskState.DONE);
            case LEASED -> EnumSet.of(TaskState.BUFFERED, TaskState.DONE, TaskState.RETRYING, TaskState.DEAD);
            case DONE, RETRYING, DEAD -> EnumSet.noneOf(TaskState.class);
        };
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void exactlyTheTableMovesAreAllowed(TaskState from) {
        for (TaskState to : TaskState.values()) {
            assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(allowedFrom(from).contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void anIllegalMoveThrowsNamingBothStates(TaskState from) {
        for (TaskState to : TaskState.values()) {
            if (allowedFrom(from).contains(to)) {
                continue;
            }
            assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(from + " -> " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"DONE", "RETRYING", "DEAD"})
    void resolvedStatesAreTerminal(TaskState state) {
        assertThat(state.isTerminal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"BUFFERED", "LEASED"})
    void trackedStatesAreNotTerminal(TaskState state) {
        assertThat(state.isTerminal()).isFalse();
    }
}
