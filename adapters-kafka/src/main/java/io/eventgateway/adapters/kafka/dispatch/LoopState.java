package io.eventgateway.adapters.kafka.dispatch;

/** Lifecycle of a consumer thread: built, then running, then closed for good; a closed loop is not reused. */
enum LoopState {
    /** Built; no thread yet. */
    NEW,
    /** The thread owns the consumer and polls. */
    RUNNING,
    /** Closed: the thread was told to stop and the consumer is (being) closed. */
    CLOSED;

    boolean canMoveTo(LoopState next) {
        return switch (this) {
            case NEW -> next == RUNNING || next == CLOSED;
            case RUNNING -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    LoopState moveTo(LoopState next, String loop) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException(loop + " cannot go from " + this + " to " + next);
        }
        return next;
    }
}
