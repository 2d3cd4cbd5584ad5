package io.eventgateway.application.dispatch;

/** Why a partition is paused. A partition may be paused for several reasons at once and resumes when none is left. */
public enum PauseReason {
    /** Memory use reached the threshold of the partition's lane. */
    MEMORY,
    /** The uncommitted span passed {@code maxUncommittedSpan}: an offset not done yet holds the commit back. */
    SPAN,
    /** A retry level's records are held until due: the records behind them in the partition are due later still. */
    NOT_DUE,
    /**
     * Offload only: fresh work waits in the queue and no processor is idle. Offload is drained by spare capacity, not
     * by a timer, so shed work never competes with the work it was shed for.
     */
    BUSY
}
