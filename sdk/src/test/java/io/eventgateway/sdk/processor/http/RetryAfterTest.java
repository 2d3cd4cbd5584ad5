package io.eventgateway.sdk.processor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void anHttpDateIsTheTimeUntilIt() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:01:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anHttpDateAlreadyPastMeansNow() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "99999999999999999999999"})
    void anAbsentOrUnreadableValueIsNoHint(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isNull();
    }
}
