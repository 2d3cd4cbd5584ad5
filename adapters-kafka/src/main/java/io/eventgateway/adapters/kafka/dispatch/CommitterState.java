package io.eventgateway.adapters.kafka.dispatch;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the committer's transactional producer stands, following Kafka's rules for retrying transactional calls: a
 * timed-out {@code initTransactions}, {@code commitTransaction} or {@code abortTransaction} must be called again before
 * anything else, and a fatal error leaves the producer unusable.
 */
enum CommitterState {
    /** Transactions not initialized yet, or the last {@code initTransactions} timed out and is called again. */
    INITIALIZING,
    /** Idle: the next commit begins a transaction. */
    READY,
    /** The last {@code commitTransaction} timed out: the next commit first finishes it. */
    COMMIT_PENDING,
    /** The last {@code abortTransaction} timed out: the next commit first finishes it. */
    ABORT_PENDING,
    /** Another process initialized the same transactional id: this replica must stop. Terminal. */
    FENCED,
    /**
     * A fatal error other than fencing (authorization, an unsupported broker): commits cannot succeed until the
     * replica restarts. Terminal; a new producer is not created here, as that would fence a legitimate newer process.
     */
    FAILED,
    /** Closed. Terminal. */
    CLOSED;

    private static final Map<CommitterState, Set<CommitterState>> NEXT = Map.of(
            INITIALIZING, EnumSet.of(READY, FENCED, FAILED, CLOSED),
            READY, EnumSet.of(COMMIT_PENDING, ABORT_PENDING, FENCED, FAILED, CLOSED),
            COMMIT_PENDING, EnumSet.of(READY, ABORT_PENDING, FENCED, FAILED, CLOSED),
            ABORT_PENDING, EnumSet.of(READY, FENCED, FAILED, CLOSED),
            FENCED, EnumSet.of(CLOSED),
            FAILED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(CommitterState.class));

    /** The next state; staying put is always allowed. */
    CommitterState moveTo(CommitterState next) {
        if (next != this && !NEXT.get(this).contains(next)) {
            throw new IllegalStateException("offset committer cannot go from " + this + " to " + next);
        }
        return next;
    }
}
