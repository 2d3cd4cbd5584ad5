package io.eventgateway.domain.lease;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The lifecycle of a task the {@link LeaseTable} tracks. */
public enum TaskState {
    /** In the deadline queue, waiting for a lease (again). */
    BUFFERED,
    /** Handed to a processor under a lease that has not ended. */
    LEASED,
    /** ACKed: its offset may be marked done. */
    DONE,
    /** Handed to the retry path (a RETRY, or lease expiries past {@code maxDeliveries}); may end in the DLQ. */
    RETRYING,
    /** FAILed: on its way to the DLQ. */
    DEAD;

    private static final Map<TaskState, Set<TaskState>> TRANSITIONS = Map.of(
            // An ACK from an earlier delivery may arrive after its lease expired and the task went back to the queue:
            // the work was done, so it completes.
            BUFFERED, EnumSet.of(LEASED, DONE),
            LEASED, EnumSet.of(BUFFERED, DONE, RETRYING, DEAD),
            DONE, EnumSet.noneOf(TaskState.class),
            RETRYING, EnumSet.noneOf(TaskState.class),
            DEAD, EnumSet.noneOf(TaskState.class));

    public boolean canTransitionTo(TaskState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The next state; throws on a move the table does not allow, which is a bug in the caller. */
    public TaskState transitionTo(TaskState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("illegal task transition " + this + " -> " + next);
        }
        return next;
    }

    /** The table no longer tracks a task in a terminal state. */
    public boolean isTerminal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
