package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.dispatch.FetchBounds;
import io.eventgateway.domain.priority.Lane;
import java.util.Map;

/**
 * The startup check that the memory budget plus every lane consumer's largest prefetch ({@code fetch.max.bytes}) fits
 * in a share of the heap: a budget the heap cannot hold would end in an out-of-memory error under backlog instead of
 * paused lanes.
 */
final class HeapFit {

    private HeapFit() {
    }

    /** A quarter of the heap: the default budget. */
    static long defaultBudget(long maxHeapBytes) {
        return maxHeapBytes / 4;
    }

    /** @throws IllegalStateException with the numbers when they do not fit (heap share is in (0, 1], see the config) */
    static void require(long budgetBytes, Map<Lane, FetchBounds> laneFetch, double heapShare, long maxHeapBytes) {
        long prefetch = laneFetch.values().stream().mapToLong(FetchBounds::fetchMaxBytes).sum();
        long allowed = (long) (heapShare * maxHeapBytes);
        if (budgetBytes + prefetch > allowed) {
            throw new IllegalStateException("orchestrator memory does not fit the heap: budget " + budgetBytes
                    + " bytes + lane prefetch " + prefetch + " bytes = " + (budgetBytes + prefetch)
                    + " bytes > heap-share " + heapShare + " x max heap " + maxHeapBytes + " bytes = " + allowed
                    + " bytes; lower eventgateway.orchestrator.memory-budget-bytes or fetch-max-bytes, or raise -Xmx");
        }
    }
}
