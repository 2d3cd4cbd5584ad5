package io.eventgateway.domain.fallback;

import java.time.Instant;

/**
 * Stops paying a dead target's timeout on every write: after {@code failureThreshold} consecutive failures the
 * circuit opens and writes skip the target; once per probe interval one write probes it, and its success closes
 * the circuit again.
 *
 * <p>Invariant: while open or half-open, at most one attempt is permitted per probe interval. Not thread-safe:
 * callers serialise access.
 */
public final class CircuitBreaker {

    /** What a caller may do with the target now. */
    public enum Permission {
        /** Write to the target as usual. */
        ATTEMPT,
        /** Write to the target as the one probe of this interval; report the outcome. */
        PROBE,
        /** Do not try the target; go straight to the fallback. */
        SKIP
    }

    private final CircuitBreakerSettings settings;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private Instant lastOpenedOrProbedAt = Instant.MIN;

    public CircuitBreaker(CircuitBreakerSettings settings) {
        this.settings = settings;
    }

    public Permission permission(Instant now) {
        return switch (state) {
            case CLOSED -> Permission.ATTEMPT;
            case OPEN, HALF_OPEN -> {
                if (now.isBefore(lastOpenedOrProbedAt.plus(settings.probeInterval()))) {
                    yield Permission.SKIP;
                }
                transitionTo(CircuitState.HALF_OPEN);
                lastOpenedOrProbedAt = now;
                yield Permission.PROBE;
            }
        };
    }

    public void onSuccess() {
        consecutiveFailures = 0;
        if (state != CircuitState.CLOSED) {
            transitionTo(CircuitState.CLOSED);
        }
    }

    public void onFailure(Instant now) {
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN
                || (state == CircuitState.CLOSED && consecutiveFailures >= settings.failureThreshold())) {
            transitionTo(CircuitState.OPEN);
            lastOpenedOrProbedAt = now;
        }
    }

    public CircuitState state() {
        return state;
    }

    private void transitionTo(CircuitState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("circuit cannot move from " + state + " to " + next);
        }
        state = next;
    }
}
