package io.eventgateway.application.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the request bytes the publisher holds at once, so a burst is answered with "retry later" instead of
 * buffering toward an out-of-memory. Lock-free: many transport threads acquire and release concurrently.
 *
 * <p>Invariant: {@code 0 <= inFlightBytes() <= maxBytes}.
 */
public final class InFlightLimiter {

    private final long maxBytes;
    private final AtomicLong inFlight = new AtomicLong();

    public InFlightLimiter(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Takes {@code bytes} if they fit under the limit; false (and nothing taken) otherwise. */
    public boolean tryAcquire(long bytes) {
        while (true) {
            long current = inFlight.get();
            if (current + bytes > maxBytes) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        long after = inFlight.addAndGet(-bytes);
        if (after < 0) {
            throw new IllegalStateException("released more in-flight bytes than were acquired: " + after);
        }
    }

    public long inFlightBytes() {
        return inFlight.get();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
