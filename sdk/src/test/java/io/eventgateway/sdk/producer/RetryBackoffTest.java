package io.eventgateway.sdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(2);

    /** A generator whose every double is {@code value}: 0.5 makes the jitter factor exactly 1. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only doubles are drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static RetryBackoff backoff(RandomGenerator random) {
        return new RetryBackoff(INITIAL, MAX, random);
    }

    @Test
    void withoutJitterEachRetryWaitsTwiceTheLastUntilTheMaximum() {
        RetryBackoff backoff = backoff(fixed(0.5));

        assertThat(backoff.delayBefore(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayBefore(2, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayBefore(5, null)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.delayBefore(6, null)).isEqualTo(MAX);
        assertThat(backoff.delayBefore(1000, null)).isEqualTo(MAX);
    }

    @Test
    void jitterSpreadsADelayByAtMostTwentyPercentEitherWay() {
        assertThat(backoff(fixed(0.0)).delayBefore(2, null)).isEqualTo(Duration.ofMillis(160));
        assertThat(backoff(fixed(0.999_999)).delayBefore(2, null))
                .isGreaterThan(Duration.ofMillis(239)).isLessThan(Duration.ofMillis(240));
    }

    @Test
    void aSeededGeneratorGivesTheSameDelays() {
        RetryBackoff first = backoff(new Random(7));
        RetryBackoff second = backoff(new Random(7));

        for (int retry = 1; retry <= 10; retry++) {
            assertThat(first.delayBefore(retry, null)).isEqualTo(second.delayBefore(retry, null));
        }
    }

    @Test
    void aServerHintLongerThanTheBackoffIsWaitedInFull() {
        assertThat(backoff(fixed(0.5)).delayBefore(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aServerHintShorterThanTheBackoffDoesNotShortenIt() {
        assertThat(backoff(fixed(0.5)).delayBefore(3, Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aServerHintLongerThanTheMaximumIsCappedAtIt() {
        assertThat(backoff(fixed(0.5)).delayBefore(1, Duration.ofHours(1))).isEqualTo(MAX);
    }

    @Test
    void retriesCountFromOne() {
        assertThatThrownBy(() -> backoff(fixed(0.5)).delayBefore(0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
