package io.eventgateway.domain.memory;

import java.util.Map;
import java.util.Set;

/** Whether a lane's consumer may poll, as decided by the {@link MemoryBudget}. */
public enum LaneState {
    /** Polling: memory use is below the lane's threshold. */
    RUNNING,
    /** Paused: memory use reached the lane's threshold and has not yet fallen below threshold − hysteresis. */
    PAUSED;

    private static final Map<LaneState, Set<LaneState>> NEXT = Map.of(
            RUNNING, Set.of(PAUSED),
            PAUSED, Set.of(RUNNING));

    public boolean canTransitionTo(LaneState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} when the move is legal; a repeated or unknown move is a broken invariant. */
    public LaneState transitionTo(LaneState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("illegal lane transition " + this + " -> " + next);
        }
        return next;
    }
}
