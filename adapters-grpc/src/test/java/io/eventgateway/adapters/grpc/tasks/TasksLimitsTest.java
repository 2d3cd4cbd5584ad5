package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TasksLimitsTest {

    @Test
    void theStandardLimitsAreAHundredTasksFourMebibytesAndThirtySeconds() {
        assertThat(TasksLimits.standard())
                .isEqualTo(new TasksLimits(100, 10_000, 4L << 20, 64L << 20, Duration.ofSeconds(30)));
    }

    @Test
    void aDefaultTaskCountAboveItsCapIsRejected() {
        assertThatThrownBy(() -> new TasksLimits(101, 100, 1, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultMaxTasks");
    }

    @Test
    void aZeroDefaultByteCountIsRejected() {
        assertThatThrownBy(() -> new TasksLimits(1, 1, 0, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultMaxBytes");
    }

    @Test
    void aNegativeMaxWaitIsRejected() {
        assertThatThrownBy(() -> new TasksLimits(1, 1, 1, 1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxWait");
    }
}
