package io.eventgateway.adapters.s3.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpoolWriterSettingsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 65})
    void aThreadCountOutsideOneToSixtyFourIsRejected(int threads) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SpoolWriterSettings(threads, 8, Duration.ofSeconds(1)))
                .withMessageContaining("threads");
    }

    @Test
    void anUnboundedOrEmptyQueueIsNotAnOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SpoolWriterSettings(1, 0, Duration.ofSeconds(1)))
                .withMessageContaining("queueCapacity");
    }

    @Test
    void aNegativeDrainTimeoutIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SpoolWriterSettings(1, 1, Duration.ofMillis(-1)))
                .withMessageContaining("drainTimeout");
    }
}
