package io.eventgateway.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.memory.HoldKind;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeldStageTest {

    private static Set<HeldStage> allowedFrom(HeldStage stage) {
        return switch (stage) {
            case QUEUED -> EnumSet.of(HeldStage.LEASED, HeldStage.DONE, HeldStage.HANDING_OFF);
            case DELAYED -> EnumSet.of(HeldStage.QUEUED, HeldStage.HANDING_OFF);
            case LEASED -> EnumSet.of(HeldStage.QUEUED, HeldStage.DELAYED, HeldStage.HANDING_OFF, HeldStage.DONE);
            case HANDING_OFF -> EnumSet.of(HeldStage.DONE);
            case DONE -> EnumSet.noneOf(HeldStage.class);
        };
    }

    @ParameterizedTest
    @EnumSource(HeldStage.class)
    void everyStageAllowsExactlyTheMovesOfTheTable(HeldStage from) {
        for (HeldStage to : HeldStage.values()) {
            if (allowedFrom(from).contains(to)) {
                assertThat(from.transitionTo(to)).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aRecordBeingHandedOffStillCountsAsBufferedMemory() {
        assertThat(HeldStage.HANDING_OFF.holdKind()).isEqualTo(HoldKind.BUFFERED);
        assertThatThrownBy(HeldStage.DONE::holdKind).isInstanceOf(IllegalStateException.class);
    }
}
