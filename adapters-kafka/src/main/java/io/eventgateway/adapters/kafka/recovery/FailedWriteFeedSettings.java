package io.eventgateway.adapters.kafka.recovery;

import java.time.Duration;

/**
 * How the recovery role consumes the alternate cluster's failed-writes topic.
 *
 * @param groupId        the consumer group: every recovery process shares it, so each record is drained by one
 * @param pollTimeout    how long one poll waits for records
 * @param maxPollRecords the batch size: records redriven before one commit
 * @param commitTimeout  how long a commit may take before the batch counts as not done
 */
public record FailedWriteFeedSettings(String bootstrapServers, String groupId, Duration pollTimeout,
        int maxPollRecords, Duration commitTimeout) {

    public FailedWriteFeedSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(groupId, "groupId");
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(commitTimeout, "commitTimeout");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
