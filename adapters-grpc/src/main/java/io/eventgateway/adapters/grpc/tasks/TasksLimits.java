package io.eventgateway.adapters.grpc.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code FetchNextBatch} may ask for. A request's {@code 0} means the default; a request above a cap is
 * served up to the cap (fewer tasks or bytes is always within the contract), while a wait above {@code maxWait} is
 * refused because a processor that asks for it would otherwise be answered earlier than it expects.
 *
 * @param defaultMaxTasks tasks per batch when the request leaves {@code max_tasks} at 0
 * @param maxTasksCap     the most tasks one batch may hold
 * @param defaultMaxBytes batch bytes when the request leaves {@code max_bytes} at 0
 * @param maxBytesCap     the most bytes one batch may be asked to hold (one larger task is still served alone)
 * @param maxWait         the longest long-poll a request may ask for
 */
public record TasksLimits(int defaultMaxTasks, int maxTasksCap, long defaultMaxBytes, long maxBytesCap,
        Duration maxWait) {

    public TasksLimits {
        if (defaultMaxTasks < 1 || defaultMaxTasks > maxTasksCap) {
            throw new IllegalArgumentException("defaultMaxTasks must be in 1.." + maxTasksCap + ", was "
                    + defaultMaxTasks);
        }
        if (defaultMaxBytes < 1 || defaultMaxBytes > maxBytesCap) {
            throw new IllegalArgumentException("defaultMaxBytes must be in 1.." + maxBytesCap + ", was "
                    + defaultMaxBytes);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, was " + maxWait);
        }
    }

    /** 100 tasks (at most 10 000), 4 MiB (at most 64 MiB), waits of up to 30 s. */
    public static TasksLimits standard() {
        return new TasksLimits(100, 10_000, 4L << 20, 64L << 20, Duration.ofSeconds(30));
    }
}
