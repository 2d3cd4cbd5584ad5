package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandlerOutcomeTest {

    @Test
    void aRetryCannotBeDueInThePast() {
        assertThatThrownBy(() -> HandlerOutcome.retry(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryWithoutAHintHasNoDelay() {
        assertThat(HandlerOutcome.retry(null)).isEqualTo(new HandlerOutcome.Retry(null, ""));
    }

    @Test
    void aFailWithoutAReasonHasAnEmptyOne() {
        assertThat(HandlerOutcome.fail(null)).isEqualTo(new HandlerOutcome.Fail(""));
    }
}
