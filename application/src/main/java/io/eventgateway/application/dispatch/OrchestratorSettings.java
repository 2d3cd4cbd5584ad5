package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.memory.MemoryBudgetSettings;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.retry.RetrySettings;
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
 * @param retry                  the retry levels and budgets: short delays wait in memory, longer ones travel through
 *                               the retry topics; its {@code maxDeliveries} must equal the lease settings' own
 * @param handoffRetryDelay      how long to wait before writing again a record whose hand-off write failed
 * @param dedupWindow            an event id seen again on the same partition within this window is dropped as a copy;
 *                               zero turns dedup off
 * @param dedupMaxEntries        the most ids remembered per partition (the window is best-effort past it)
 * @param maxOffloads            under deadline pressure a P10 task past its deadline moves to offload, at most this
 *                               many times per event; 0 never offloads
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
        RetrySettings retry,
        Duration handoffRetryDelay,
        Duration dedupWindow,
        int dedupMaxEntries,
        int maxOffloads) {

    public static final long DEFAULT_MAX_UNCOMMITTED_SPAN = 100_000;
    public static final Duration DEFAULT_IDLE_RECOMMIT_INTERVAL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_WAITERS = 1_024;
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_DEDUP_MAX_ENTRIES = 10_000;
    public static final int DEFAULT_MAX_OFFLOADS = 3;
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
        Objects.requireNonNull(retry, "retry");
        if (retry.maxDeliveries() != lease.maxDeliveries()) {
            throw new IllegalArgumentException("retry.maxDeliveries (" + retry.maxDeliveries()
                    + ") must equal lease.maxDeliveries (" + lease.maxDeliveries() + ")");
        }
        requirePositive(handoffRetryDelay, "handoffRetryDelay");
        if (dedupWindow == null || dedupWindow.isNegative()) {
            throw new IllegalArgumentException("dedupWindow must be a duration >= 0, was " + dedupWindow);
        }
        if (dedupMaxEntries < 0) {
            throw new IllegalArgumentException("dedupMaxEntries must be >= 0, was " + dedupMaxEntries);
        }
        if (maxOffloads < 0) {
            throw new IllegalArgumentException("maxOffloads must be >= 0, was " + maxOffloads);
        }
    }

    /**
     * The design's defaults around the given replica: 30 s leases (5 deliveries), the default queue, memory, retry and
     * SLO policies, 4096 bytes of commit metadata, a five-minute dedup window.
     */
    public static OrchestratorSettings defaults(ReplicaIdentity replica, long leaseEpoch) {
        return new OrchestratorSettings(replica, DispatchSettings.defaults(), LeaseSettings.of(Duration.ofSeconds(30), 5),
                MemoryBudgetSettings.defaults(), DEFAULT_MAX_UNCOMMITTED_SPAN, OffsetMetadataCodec.DEFAULT_MAX_BYTES,
                SloPolicy.defaults(), leaseEpoch, DEFAULT_IDLE_RECOMMIT_INTERVAL, DEFAULT_MAX_WAITERS,
                RetrySettings.defaults(), DEFAULT_HANDOFF_RETRY_DELAY, DEFAULT_DEDUP_WINDOW, DEFAULT_DEDUP_MAX_ENTRIES,
                DEFAULT_MAX_OFFLOADS);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
