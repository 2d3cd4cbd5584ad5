package io.eventgateway.bootstrap.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Kafka clusters this process talks to: the primary ({@code kafka.bootstrap.servers}), and optionally the
 * alternate that takes failed writes and the rollout cluster that takes a share of tenants.
 */
@Singleton
public class KafkaClusters {

    private final String primary;
    private final String alternate;
    private final String rollout;

    public KafkaClusters(@Value("${kafka.bootstrap.servers}") String primary,
            @Nullable @Value("${eventgateway.kafka.alternate.bootstrap-servers:}") String alternate,
            @Nullable @Value("${eventgateway.kafka.rollout.bootstrap-servers:}") String rollout) {
        this.primary = primary;
        this.alternate = blankToNull(alternate);
        this.rollout = blankToNull(rollout);
    }

    public String primary() {
        return primary;
    }

    public Optional<String> alternate() {
        return Optional.ofNullable(alternate);
    }

    public Optional<String> rollout() {
        return Optional.ofNullable(rollout);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
