package io.eventgateway.domain.memory;

/** Why bytes of a lane are held in memory; all kinds count against the budget alike. */
public enum HoldKind {
    /** Polled and waiting in the deadline queue. */
    BUFFERED,
    /** Handed to a processor under a lease, not yet answered. */
    LEASED,
    /** Waiting out a short retry delay in memory. */
    DELAYED
}
