package io.eventgateway.application.dispatch;

import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.memory.MemoryBudgetSettings;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.retry.RetrySettings;
import java.time.Duration;

/** Orchestrator settings for tests: small, explicit defaults, changed one field at a time. */
final class TestSettings {

    ReplicaIdentity replica = new ReplicaIdentity(0, 1);
    DispatchSettings dispatch = DispatchSettings.defaults();
    LeaseSettings lease = new LeaseSettings(Duration.ofSeconds(10), Duration.ofSeconds(50), 3, 10_000);
    MemoryBudgetSettings memory = MemoryBudgetSettings.defaults().withTotalBytes(64L * 1024 * 1024);
    long maxUncommittedSpan = 10_000;
    int maxCommitMetadataBytes = 4096;
    SloPolicy slo = SloPolicy.defaults();
    long leaseEpoch = 7;
    Duration idleRecommitInterval = Duration.ofMinutes(10);
    int maxWaiters = 8;
    /** Levels of 1 s, 4 s and 16 s; a delay up to 1 s waits in memory (so the first retry does); ten attempts. */
    RetrySettings retry = new RetrySettings(3, Duration.ofSeconds(1), 4.0, Duration.ofSeconds(1), 10, 3);
    Duration handoffRetryDelay = Duration.ofSeconds(2);
    /** Off unless a test is about it: the ids it remembers count in the memory budget. */
    Duration dedupWindow = Duration.ZERO;
    int dedupMaxEntries = 1_000;
    int maxOffloads = 2;

    OrchestratorSettings build() {
        return new OrchestratorSettings(replica, dispatch, lease, memory, maxUncommittedSpan, maxCommitMetadataBytes,
                slo, leaseEpoch, idleRecommitInterval, maxWaiters, retry, handoffRetryDelay, dedupWindow, dedupMaxEntries,
                maxOffloads);
    }
}
