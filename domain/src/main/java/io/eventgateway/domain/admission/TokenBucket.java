package io.eventgateway.domain.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket: up to {@code capacity} permits at once (the burst), refilled at {@code ratePerSecond}.
 * Refill is lazy, computed from the time elapsed since the last call, so an idle bucket costs nothing.
 *
 * <p>Invariants: {@code 0 <= tokens <= capacity}; over any window of calls the permits granted never exceed
 * {@code capacity + rate × elapsed}. Time only moves forward here: when {@code now} is before the latest time
 * seen (the clock stepped back) nothing is refilled, and the lost interval is not counted twice later.
 * Starts full.
 *
 * <p>Mutable and not thread-safe: one owner calls it.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;
    /** Waits are capped here (about 31 years) so a tiny rate cannot overflow a {@link Duration}. */
    private static final double MAX_WAIT_SECONDS = 1.0e9;

    private final double capacity;
    private double ratePerSecond;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(double ratePerSecond, double capacity, Instant now) {
        requireRate(ratePerSecond);
        if (!(capacity >= 1.0) || Double.isInfinite(capacity)) {
            throw new IllegalArgumentException("capacity must be a finite number >= 1, was " + capacity);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = Objects.requireNonNull(now, "now");
    }

    /** Takes {@code permits} if they are all available now; takes nothing otherwise. */
    public boolean tryAcquire(Instant now, int permits) {
        requirePermits(permits);
        refill(now);
        if (tokens < permits) {
            return false;
        }
        tokens -= permits;
        return true;
    }

    /** How long until {@code permits} are available, {@link Duration#ZERO} when they are now. */
    public Duration waitTime(Instant now, int permits) {
        requirePermits(permits);
        refill(now);
        double missing = permits - tokens;
        if (missing <= 0) {
            return Duration.ZERO;
        }
        double seconds = Math.min(missing / ratePerSecond, MAX_WAIT_SECONDS);
        // Rounded up, so a caller that waits exactly this long finds the permits there.
        return Duration.ofNanos((long) Math.ceil(seconds * NANOS_PER_SECOND));
    }

    /** Changes the refill rate from {@code now} on; time before {@code now} is refilled at the old rate. */
    public void setRate(double newRatePerSecond, Instant now) {
        requireRate(newRatePerSecond);
        refill(now);
        this.ratePerSecond = newRatePerSecond;
    }

    /** Tokens available at {@code now} (fractional: refill is continuous). */
    public double available(Instant now) {
        refill(now);
        return tokens;
    }

    public double rate() {
        return ratePerSecond;
    }

    public double capacity() {
        return capacity;
    }

    private void refill(Instant now) {
        Objects.requireNonNull(now, "now");
        if (!now.isAfter(refilledAt)) {
            return;
        }
        Duration elapsed = Duration.between(refilledAt, now);
        double seconds = elapsed.getSeconds() + elapsed.getNano() / NANOS_PER_SECOND;
        tokens = Math.min(capacity, tokens + seconds * ratePerSecond);
        refilledAt = now;
    }

    private static void requireRate(double ratePerSecond) {
        if (!(ratePerSecond > 0.0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a finite number > 0, was " + ratePerSecond);
        }
    }

    private void requirePermits(int permits) {
        if (permits < 1 || permits > capacity) {
            throw new IllegalArgumentException(
                    "permits must be in [1, capacity=" + capacity + "], was " + permits);
        }
    }
}
