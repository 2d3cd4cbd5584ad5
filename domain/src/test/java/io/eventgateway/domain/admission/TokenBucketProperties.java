package io.eventgateway.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TokenBucketProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double EPSILON = 1e-6;

    /**
     * Over every window [i, j] of a run of acquisitions at non-decreasing times, the permits granted at calls
     * i..j are at most capacity + rate × (time of j − time of i). Starting full, this is the tightest bound.
     */
    @Property(tries = 100)
    void neverGrantsMoreThanTheBurstPlusTheRateTimesElapsedTime(
            @ForAll @DoubleRange(min = 0.1, max = 1000) double rate,
            @ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 2_000) Long> gapsMillis,
            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 1, max = 50) Integer> permits) {
        TokenBucket bucket = new TokenBucket(rate, capacity, T0);
        int calls = gapsMillis.size();
        Instant[] times = new Instant[calls];
        int[] granted = new int[calls];
        Instant now = T0;
        for (int i = 0; i < calls; i++) {
            now = now.plusMillis(gapsMillis.get(i));
            int asked = Math.min(permits.get(i), capacity);
            times[i] = now;
            granted[i] = bucket.tryAcquire(now, asked) ? asked : 0;
        }

        for (int from = 0; from < calls; from++) {
            long sum = 0;
            for (int to = from; to < calls; to++) {
                sum += granted[to];
                double elapsed = Duration.between(times[from], times[to]).toNanos() / 1e9;
                assertThat((double) sum).isLessThanOrEqualTo(capacity + rate * elapsed + EPSILON);
            }
        }
    }

    @Property(tries = 100)
    void availableTokensStayWithinZeroAndCapacityWhateverTheClockDoes(
            @ForAll @DoubleRange(min = 0.1, max = 1000) double rate,
            @ForAll @IntRange(min = 1, max = 50) int capacity,
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = -5_000, max = 5_000) Long> jumpsMillis) {
        TokenBucket bucket = new TokenBucket(rate, capacity, T0);
        Instant now = T0;
        for (long jump : jumpsMillis) {
            now = now.plusMillis(jump);
            bucket.tryAcquire(now, 1);
            assertThat(bucket.available(now)).isBetween(0.0, (double) capacity);
        }
    }
}
