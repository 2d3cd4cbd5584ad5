package io.eventgateway.sdk.processor;

import java.time.Duration;
import java.time.Instant;

/**
 * One FetchNextBatch's lease as this process sees it. The orchestrator sends a relative TTL, so the local deadline is
 * the receipt time plus the TTL: clock skew between hosts does not matter, network delay only makes us cautious.
 * An extension is due once {@value #EXTEND_AFTER_NUMERATOR}/{@value #EXTEND_AFTER_DENOMINATOR} of the current grant
 * has passed while a handler still runs: early enough that a slow ExtendLease still lands in time.
 */
final class Lease {

    private static final int EXTEND_AFTER_NUMERATOR = 2;
    private static final int EXTEND_AFTER_DENOMINATOR = 3;

    private final String leaseId;
    private final Orchestrator source;
    private final int replicaIndex;
    private final Duration grantedTtl;
    private Instant grantedAt;
    private Duration ttl;
    private int running;
    private int outstanding;
    private boolean extending;

    Lease(String leaseId, Orchestrator source, int replicaIndex, Duration ttl, int tasks, Instant receivedAt) {
        this.leaseId = leaseId;
        this.source = source;
        this.replicaIndex = replicaIndex;
        this.grantedTtl = ttl;
        this.ttl = ttl;
        this.grantedAt = receivedAt;
        this.outstanding = tasks;
    }

    String leaseId() {
        return leaseId;
    }

    Orchestrator source() {
        return source;
    }

    int replicaIndex() {
        return replicaIndex;
    }

    /** What each extension asks for: as much as the first grant. */
    Duration extendBy() {
        return grantedTtl;
    }

    synchronized boolean expiredAt(Instant now) {
        return !now.isBefore(grantedAt.plus(ttl));
    }

    /** {@code tasks} of this lease are now running in a handler. */
    synchronized void started(int tasks) {
        running += tasks;
    }

    /**
     * {@code tasks} are done with, run or not; true when they were the lease's last, so nobody needs to track it any
     * more.
     */
    synchronized boolean finished(int tasks, boolean wereRunning) {
        if (wereRunning) {
            running -= tasks;
        }
        outstanding -= tasks;
        return outstanding <= 0;
    }

    /** Claims the extension when one is due, so one lease never has two ExtendLease calls in flight. */
    synchronized boolean claimExtension(Instant now) {
        if (extending || running == 0) {
            return false;
        }
        Instant due = grantedAt.plus(ttl.multipliedBy(EXTEND_AFTER_NUMERATOR).dividedBy(EXTEND_AFTER_DENOMINATOR));
        if (now.isBefore(due)) {
            return false;
        }
        extending = true;
        return true;
    }

    synchronized void extended(Instant now, Duration remaining) {
        grantedAt = now;
        ttl = remaining;
        extending = false;
    }

    /** The extension failed; the next check tries again while the lease may still be saved. */
    synchronized void extensionFailed() {
        extending = false;
    }
}
