package io.eventgateway.sdk.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryBackoffProperties {

    @Property(tries = 200)
    void aDelayIsPositiveAtMostTheMaximumAndAtLeastTheCappedHint(
            @ForAll @IntRange(min = 1, max = 10_000) int initialMillis,
            @ForAll @IntRange(min = 0, max = 100_000) int extraMaxMillis,
            @ForAll @IntRange(min = 1, max = 500) int retry,
            @ForAll @LongRange(min = 0, max = 200_000) long hintMillis,
            @ForAll long seed) {
        Duration initial = Duration.ofMillis(initialMillis);
        Duration max = initial.plusMillis(extraMaxMillis);
        Duration hint = hintMillis == 0 ? null : Duration.ofMillis(hintMillis);

        Duration delay = new RetryBackoff(initial, max, new Random(seed)).delayBefore(retry, hint);

        assertThat(delay).isPositive().isLessThanOrEqualTo(max);
        if (hint != null) {
            assertThat(delay).isGreaterThanOrEqualTo(hint.compareTo(max) > 0 ? max : hint);
        }
    }

    @Property(tries = 100)
    void aLaterRetryNeverWaitsLessThanTheUnjitteredFloorOfAnEarlierOne(
            @ForAll @IntRange(min = 1, max = 60) int retry, @ForAll long seed) {
        Duration initial = Duration.ofMillis(10);
        Duration max = Duration.ofMinutes(10);
        RetryBackoff backoff = new RetryBackoff(initial, max, new Random(seed));

        Duration delay = backoff.delayBefore(retry, null);

        double floorNanos = initial.toNanos() * Math.pow(2, retry - 1) * (1 - RetryBackoff.JITTER);
        assertThat(delay.toNanos()).isGreaterThanOrEqualTo((long) Math.min(floorNanos, max.toNanos()) - 1);
    }
}
