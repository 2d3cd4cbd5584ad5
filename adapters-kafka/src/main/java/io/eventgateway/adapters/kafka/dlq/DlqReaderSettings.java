package io.eventgateway.adapters.kafka.dlq;

import java.time.Duration;

/**
 * How the DLQ commands read the primary cluster.
 *
 * @param requestTimeout how long metadata and offset requests may take before the cluster counts as unreachable
 * @param pollTimeout    how long one poll waits
 */
public record DlqReaderSettings(String bootstrapServers, Duration requestTimeout, Duration pollTimeout) {

    public DlqReaderSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(pollTimeout, "pollTimeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
