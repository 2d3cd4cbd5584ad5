package io.eventgateway.domain.lease;

import io.eventgateway.domain.dispatch.QueuedTask;
import java.util.List;

/**
 * Tasks handed back by a processor.
 *
 * @param released tasks to give back to the deadline queue; no delivery was counted
 * @param ignored  ids that were not the current delivery of a leased task (late, unknown): counted, not applied
 */
public record ReleaseResult(List<QueuedTask> released, int ignored) {

    public ReleaseResult {
        released = List.copyOf(released);
        if (ignored < 0) {
            throw new IllegalArgumentException("ignored must be >= 0, was " + ignored);
        }
    }
}
