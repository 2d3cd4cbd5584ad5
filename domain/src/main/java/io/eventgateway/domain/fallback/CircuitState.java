package io.eventgateway.domain.fallback;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The states of a {@link CircuitBreaker}, with the moves allowed between them. */
public enum CircuitState {
    /** The target is healthy: every write tries it. */
    CLOSED,
    /** The target failed repeatedly: writes skip it until the probe interval has passed. */
    OPEN,
    /** One probe write is trying the target; the others keep skipping it until the probe reports. */
    HALF_OPEN;

    private static final Map<CircuitState, Set<CircuitState>> ALLOWED = Map.of(
            CLOSED, EnumSet.of(OPEN),
            OPEN, EnumSet.of(HALF_OPEN),
            HALF_OPEN, EnumSet.of(CLOSED, OPEN, HALF_OPEN));

    public boolean canMoveTo(CircuitState next) {
        return ALLOWED.get(this).contains(next);
    }
}
