package io.eventgateway.bootstrap.config;

import io.eventgateway.application.ingest.PublishSettings;
import io.eventgateway.domain.fallback.CircuitBreakerSettings;
import io.eventgateway.domain.ingest.IngestLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code eventgateway.publisher.*}: ingest limits, fallback timeouts and the circuit breaker. */
@ConfigurationProperties("eventgateway.publisher")
public record PublisherConfig(
        int maxEventsPerRequest,
        long maxRequestBytes,
        int maxPayloadBytes,
        int maxFieldLength,
        int maxAttributes,
        int maxAttributeValueLength,
        Duration maxDeadlineAhead,
        Duration maxDelayAhead,
        long maxInFlightBytes,
        Duration primaryTimeout,
        Duration alternateTimeout,
        Duration spoolTimeout,
        int breakerFailureThreshold,
        Duration breakerProbeInterval) {

    public PublishSettings toSettings() {
        return new PublishSettings(
                new IngestLimits(maxEventsPerRequest, maxRequestBytes, maxPayloadBytes, maxFieldLength, maxAttributes,
                        maxAttributeValueLength, maxDeadlineAhead, maxDelayAhead),
                maxInFlightBytes, primaryTimeout, alternateTimeout, spoolTimeout,
                new CircuitBreakerSettings(breakerFailureThreshold, breakerProbeInterval));
    }
}
