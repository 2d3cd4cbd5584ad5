package io.eventgateway.domain.dispatch;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The lifecycle of a key under strict ordering: at most one task leased, and parking after a RETRY. */
enum KeyState {
    /** Nothing leased and not parked: the key's head may be leased. */
    IDLE,
    /** One task leased; the key's other tasks wait for it to be done or released. */
    LEASED,
    /**
     * The head went to a retry topic with the key's buffered tasks behind it; new arrivals follow them there. Tasks of
     * that chain coming back from the retry topic are queued and may be leased, one at a time.
     */
    PARKED,
    /** Parked, with one task of the returning chain leased. */
    PARKED_LEASED;

    private static final Map<KeyState, Set<KeyState>> TRANSITIONS = Map.of(
            IDLE, EnumSet.of(LEASED),
            LEASED, EnumSet.of(IDLE, PARKED),
            PARKED, EnumSet.of(PARKED_LEASED, IDLE),
            PARKED_LEASED, EnumSet.of(PARKED, LEASED));

    /** The next state; throws on a move the table does not allow, which is a caller bug. */
    KeyState transitionTo(KeyState next) {
        if (!TRANSITIONS.get(this).contains(next)) {
            throw new IllegalStateException("illegal key transition " + this + " -> " + next);
        }
        return next;
    }

    boolean allowsLease() {
        return this == IDLE || this == PARKED;
    }

    boolean isParked() {
        return this == PARKED || this == PARKED_LEASED;
    }

    boolean isLeased() {
        return this == LEASED || this == PARKED_LEASED;
    }
}
