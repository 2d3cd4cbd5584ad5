package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.memory.MemoryBudgetSettings;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import java.time.Duration;
import java.util.Objects;

/**
 * How one orchestrator replica dispatches: the domain policies it combines and the bounds of its own bookkeeping.
 *
 * @param maxUncommittedSpan     a partition pauses while (highest polled − committable) exceeds this, so one stuck offset
 *                               cannot grow the tracker or the redelivery range without bound
 * @param maxCommitMetadataBytes the broker's {@code offset.metadata.max.bytes}; completed offsets that do not fit are
 *                               redelivered after a restart
 * @param leaseEpoch             differs between runs of the replica (its start time in ms), so lease ids never repeat
 * @param idleRecommitInterval   an unchanged position is committed again this often, so group offsets do not expire
 * @param maxWaiters             fetches that may wait for work at once; past it a fetch is answered empty at once
 * @param inMemoryRetryDelay     how long a RETRYed task waits in memory before it is served again; a processor's
 *                               retry-after hint may shorten it, never lengthen it (the retry topics of the retry
 *                               policy take longer delays)
 * @param handoffRetryDelay      how long to wait before writing again a record whose dead-letter write failed
 */
public record OrchestratorSettings(
        ReplicaIdentity replica,
        DispatchSettings dispatch,
        LeaseSettings lease,
        MemoryBudgetSettings memory,
        long maxUncommittedSpan,
        int maxCommitMetadataBytes,
        SloPolicy slo,
        long leaseEpoch,
        Duration idleRecommitInterval,
        int maxWaiters,
        Duration inMemoryRetryDelay,
        Duration handoffRetryDelay) {

    public static final long DEFAULT_MAX_UNCOMMITTED_SPAN = 100_000;
    public static final Duration DEFAULT_IDLE_RECOMMIT_INTERVAL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_WAITERS = 1_024;
    public static final Duration DEFAULT_IN_MEMORY_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_HANDOFF_RETRY_DELAY = Duration.ofSeconds(1);

    public OrchestratorSettings {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(slo, "slo");
        if (maxUncommittedSpan < 1) {
            throw new IllegalArgumentException("maxUncommittedSpan must be >= 1, was " + maxUncommittedSpan);
        }
        if (maxCommitMetadataBytes < 0) {
            throw new IllegalArgumentException("maxCommitMetadataBytes must be >= 0, was " + maxCommitMetadataBytes);
        }
        if (leaseEpoch < 0) {
            throw new IllegalArgumentException("leaseEpoch must be >= 0, was " + leaseEpoch);
        }
        requirePositive(idleRecommitInterval, "idleRecommitInterval");
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("maxWaiters must be >= 0, was " + maxWaiters);
        }
        if (inMemoryRetryDelay == null || inMemoryRetryDelay.isNegative()) {
            throw new IllegalArgumentException("inMemoryRetryDelay must be a duration >= 0, was " + inMemoryRetryDelay);
        }
        requirePositive(handoffRetryDelay, "handoffRetryDelay");
    }

    /**
     * The design's defaults around the given replica: 30 s leases (5 deliveries), the default queue, memory and SLO
     * policies, 4096 bytes of commit metadata.
     */
    public static OrchestratorSettings defaults(ReplicaIdentity replica, long leaseEpoch) {
        return new OrchestratorSettings(replica, DispatchSettings.defaults(), LeaseSettings.of(Duration.ofSeconds(30), 5),
                MemoryBudgetSettings.defaults(), DEFAULT_MAX_UNCOMMITTED_SPAN, OffsetMetadataCodec.DEFAULT_MAX_BYTES,
                SloPolicy.defaults(), leaseEpoch, DEFAULT_IDLE_RECOMMIT_INTERVAL, DEFAULT_MAX_WAITERS,
                DEFAULT_IN_MEMORY_RETRY_DELAY, DEFAULT_HANDOFF_RETRY_DELAY);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
