package io.eventgateway.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * {@code eventgateway.processor.*}. With no {@code orchestrators} the processor leases from this process's own gRPC
 * server (the {@code --role all} case). {@code handler} is {@code demo} or {@code http}; the {@code http-*} keys
 * configure the latter.
 */
@ConfigurationProperties("eventgateway.processor")
public record ProcessorConfig(
        @Nullable List<String> orchestrators,
        String processorId,
        int concurrency,
        int maxTasksPerFetch,
        Duration longPollWait,
        boolean dryRun,
        Duration demoLatency,
        double demoRetryRate,
        @Nullable String handler,
        @Nullable String httpUrl,
        @Nullable Duration httpTimeout,
        int httpMaxBatch) {
}
