package io.eventgateway.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Map;

/**
 * {@code eventgateway.orchestrator.*}: the replica's identity, lease and queue policy, memory budget, commit and tick
 * pacing, and each lane consumer's fetch bounds (maps keyed by lane short name: p30, p20, p10, offload, retry).
 *
 * @param index             replica index; {@code null}: the hostname's StatefulSet ordinal, else 0
 * @param maxLeaseTotal     {@code null}: 5 x {@code leaseTtl}
 * @param memoryBudgetBytes 0: a quarter of the maximum heap
 * @param inMemoryRetryDelay retries due within this wait in memory; longer ones travel through the retry topics
 * @param retryBaseDelay    the delay of retry level 1; level k waits {@code retryBaseDelay × retryMultiplier^(k-1)}
 *                          ({@code eventgateway.topics.retry-levels} says how many levels there are)
 * @param maxAttempts       processing attempts an event gets before the DLQ
 * @param maxOffloads       how often one event may be moved to offload under deadline pressure (0: never)
 * @param dedupWindow       an event id seen again on a partition within this window is dropped; 0 turns dedup off
 * @param heapShare         the budget plus every lane consumer's largest fetch must fit in this share of the heap
 * @param batchMaxTasks     the most tasks one {@code FetchNextBatch} may lease ({@code batchDefaultMaxTasks} when a
 *                          request leaves it at 0); {@code batchMaxBytes} and {@code batchMaxWait} bound its bytes
 *                          and long-poll likewise
 */
@ConfigurationProperties("eventgateway.orchestrator")
public record OrchestratorConfig(
        @Nullable Integer index,
        Duration leaseTtl,
        int maxDeliveries,
        @Nullable Duration maxLeaseTotal,
        Duration fairnessWindow,
        double overdueShare,
        boolean strictKeyOrdering,
        long memoryBudgetBytes,
        double heapShare,
        long maxUncommittedSpan,
        Duration commitInterval,
        Duration tickInterval,
        Duration idleRecommitInterval,
        Duration inMemoryRetryDelay,
        Duration retryBaseDelay,
        double retryMultiplier,
        int maxAttempts,
        Duration dedupWindow,
        int dedupMaxEntries,
        int maxOffloads,
        Duration pollTimeout,
        Duration commitTimeout,
        Duration closeTimeout,
        String groupId,
        String transactionalIdPrefix,
        Map<String, Integer> maxPollRecords,
        Map<String, Integer> fetchMaxBytes,
        int responseMaxPollRecords,
        int responseFetchMaxBytes,
        int batchDefaultMaxTasks,
        int batchMaxTasks,
        long batchDefaultMaxBytes,
        long batchMaxBytes,
        Duration batchMaxWait) {

    public OrchestratorConfig {
        if (!(heapShare > 0.0 && heapShare <= 1.0)) {
            throw new IllegalArgumentException("eventgateway.orchestrator.heap-share must be in (0, 1], was "
                    + heapShare);
        }
        if (memoryBudgetBytes < 0) {
            throw new IllegalArgumentException("eventgateway.orchestrator.memory-budget-bytes must be >= 0 (0: a "
                    + "quarter of the heap), was " + memoryBudgetBytes);
        }
        requirePositive(commitInterval, "commit-interval");
        requirePositive(tickInterval, "tick-interval");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("eventgateway.orchestrator." + name + " must be a positive duration, was "
                    + value);
        }
    }
}
