package io.eventgateway.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void anAdmitOnAnotherLaneThanItsPrioritysIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Decision.Admit(Priority.P30, Lane.P10))
                .withMessage("lane of an admitted P30 event must be P30, was P10");
    }

    @Test
    void anOffloadGoesToTheOffloadLane() {
        assertThat(new Decision.Offload(Priority.P10, Duration.ZERO, "over rate").lane()).isEqualTo(Lane.OFFLOAD);
    }

    @Test
    void anOffloadWithANegativeDelayIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Decision.Offload(Priority.P10, Duration.ofSeconds(-1), "over rate"))
                .withMessage("delay must be a duration >= 0, was PT-1S");
    }
}
