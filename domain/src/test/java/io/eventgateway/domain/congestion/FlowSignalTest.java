package io.eventgateway.domain.congestion;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlowSignalTest {

    @Test
    void negativeReplicaIndexIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowSignal(-1, CongestionState.CLEAR, Instant.EPOCH))
                .withMessage("replicaIndex must be >= 0, was -1");
    }

    @Test
    void missingStateIsRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new FlowSignal(0, null, Instant.EPOCH))
                .withMessage("state");
    }
}
