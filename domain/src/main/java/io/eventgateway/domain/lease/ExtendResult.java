package io.eventgateway.domain.lease;

import java.time.Instant;

/** What {@link LeaseTable#extend} did. */
public sealed interface ExtendResult {

    /**
     * The lease now expires at {@code expiresAt}.
     *
     * @param capped true when the request reached past {@code leasedAt + maxLeaseTotal} and was cut there
     */
    record Extended(LeaseId id, Instant expiresAt, boolean capped) implements ExtendResult {
    }

    /** The lease's expiry had passed: it will expire as an attempt; the processor should stop. */
    record Expired(LeaseId id) implements ExtendResult {
    }

    /** No such lease: from another run or replica, already expired, or all its tasks answered. */
    record UnknownLease(LeaseId id) implements ExtendResult {
    }
}
