package io.eventgateway.application.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * A processor's long-poll for work.
 *
 * @param maxWait     how long to wait for work when none is ready (zero: answer at once)
 * @param requestedTtl the lease TTL the processor asks for, or {@code null} for the configured one; never more
 */
public record FetchTasksCommand(String processorId, int maxTasks, long maxBytes, Duration maxWait,
        Duration requestedTtl) {

    public FetchTasksCommand {
        Objects.requireNonNull(processorId, "processorId");
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
        }
        if (maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, was " + maxWait);
        }
        if (requestedTtl != null && (requestedTtl.isNegative() || requestedTtl.isZero())) {
            throw new IllegalArgumentException("requestedTtl must be positive when given, was " + requestedTtl);
        }
    }
}
