package io.eventgateway.application.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * Inbound port for the response consumer (the replica's partition of the response topic, never paused).
 * {@code readUpTo} says up to which time every response is known to have been read: the consumer's end position when
 * it has caught up, else the append time of the last response read. Lease expiry waits for it, so a lagging response
 * path never turns processed work into redeliveries.
 */
public interface ResponsesSink {

    void onResponses(List<ProcessorResponse> responses, Instant readUpTo);
}
