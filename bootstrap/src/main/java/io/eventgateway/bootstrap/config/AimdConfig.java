package io.eventgateway.bootstrap.config;

import io.eventgateway.domain.admission.AimdSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code eventgateway.aimd.*}: the starting bounds of the P10 admission rate (dynamic settings may change them). */
@ConfigurationProperties("eventgateway.aimd")
public record AimdConfig(double floor, double ceiling, double initial, double additiveStep, double decreaseFactor,
        Duration minDecreaseInterval, Duration minIncreaseInterval) {

    public AimdSettings toSettings() {
        return new AimdSettings(floor, ceiling, initial, additiveStep, decreaseFactor, minDecreaseInterval,
                minIncreaseInterval);
    }
}
