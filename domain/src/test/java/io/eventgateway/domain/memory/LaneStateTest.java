package io.eventgateway.domain.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LaneStateTest {

    @Test
    void aRunningLaneCanPause() {
        assertThat(LaneState.RUNNING.transitionTo(LaneState.PAUSED)).isEqualTo(LaneState.PAUSED);
    }

    @Test
    void aPausedLaneCanResume() {
        assertThat(LaneState.PAUSED.transitionTo(LaneState.RUNNING)).isEqualTo(LaneState.RUNNING);
    }

    @ParameterizedTest
    @EnumSource(LaneState.class)
    void movingToTheSameStateIsIllegal(LaneState state) {
        assertThat(state.canTransitionTo(state)).isFalse();
        assertThatIllegalStateException()
                .isThrownBy(() -> state.transitionTo(state))
                .withMessage("illegal lane transition " + state + " -> " + state);
    }
}
