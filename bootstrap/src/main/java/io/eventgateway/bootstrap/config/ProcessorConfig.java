package io.eventgateway.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * {@code eventgateway.processor.*}. With no {@code orchestrators} the processor leases from this process's own gRPC
 * server (the {@code --role all} case).
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
        double demoRetryRate) {
}
