package io.eventgateway.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void startsFullSoTheWholeBurstPassesAtOnce() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire(T0, 1)).isTrue();
        }
        assertThat(bucket.tryAcquire(T0, 1)).isFalse();
    }

    @Test
    void refillsFromElapsedTimeAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);
        bucket.tryAcquire(T0, 5);

        assertThat(bucket.tryAcquire(T0.plusMillis(200), 2)).isTrue();
        assertThat(bucket.tryAcquire(T0.plusMillis(200), 1)).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);

        assertThat(bucket.available(T0.plusSeconds(3600))).isEqualTo(5.0);
    }

    @Test
    void aFailedAcquireTakesNothing() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);
        bucket.tryAcquire(T0, 3);

        assertThat(bucket.tryAcquire(T0, 3)).isFalse();
        assertThat(bucket.available(T0)).isEqualTo(2.0);
    }

    @Test
    void whenTheClockGoesBackwards_thenNothingIsRefilledAndTokensStayNonNegative() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);
        bucket.tryAcquire(T0, 5);

        assertThat(bucket.tryAcquire(T0.minusSeconds(60), 1)).isFalse();
        assertThat(bucket.available(T0.minusSeconds(60))).isZero();
    }

    @Test
    void anIntervalTheClockSteppedBackOverIsNotRefilledTwice() {
        TokenBucket bucket = new TokenBucket(10, 100, T0);
        bucket.tryAcquire(T0.plusSeconds(1), 100);
        bucket.available(T0);

        assertThat(bucket.available(T0.plusSeconds(2))).isEqualTo(10.0);
    }

    @Test
    void waitTimeIsZeroWhenPermitsAreAvailable() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);

        assertThat(bucket.waitTime(T0, 5)).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitTimeIsTheTimeToRefillTheMissingPermits() {
        TokenBucket bucket = new TokenBucket(4, 5, T0);
        bucket.tryAcquire(T0, 5);

        assertThat(bucket.waitTime(T0, 2)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void afterWaitingTheReportedWaitTime_thePermitsAreThere() {
        TokenBucket bucket = new TokenBucket(3, 5, T0);
        bucket.tryAcquire(T0, 5);

        Duration wait = bucket.waitTime(T0, 1);

        assertThat(bucket.tryAcquire(T0.plus(wait), 1)).isTrue();
    }

    @Test
    void setRateAppliesFromNowAndKeepsTheTimeBeforeAtTheOldRate() {
        TokenBucket bucket = new TokenBucket(10, 100, T0);
        bucket.tryAcquire(T0, 100);

        bucket.setRate(1, T0.plusSeconds(1));

        assertThat(bucket.available(T0.plusSeconds(2))).isEqualTo(11.0);
        assertThat(bucket.rate()).isEqualTo(1.0);
    }

    @Test
    void zeroRateIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenBucket(0, 5, T0))
                .withMessage("ratePerSecond must be a finite number > 0, was 0.0");
    }

    @Test
    void capacityBelowOnePermitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenBucket(1, 0.5, T0))
                .withMessage("capacity must be a finite number >= 1, was 0.5");
    }

    @Test
    void askingForMorePermitsThanTheCapacityIsRejected_becauseItCouldNeverSucceed() {
        TokenBucket bucket = new TokenBucket(1, 5, T0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> bucket.tryAcquire(T0, 6))
                .withMessage("permits must be in [1, capacity=5.0], was 6");
    }

    @Test
    void settingANegativeRateIsRejected() {
        TokenBucket bucket = new TokenBucket(1, 5, T0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> bucket.setRate(-1, T0))
                .withMessage("ratePerSecond must be a finite number > 0, was -1.0");
    }
}
