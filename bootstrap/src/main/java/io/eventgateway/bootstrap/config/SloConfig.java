package io.eventgateway.bootstrap.config;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Map;

/** {@code eventgateway.slo.*}: the SLO and the least requestable lead time (floor) of each priority. */
@ConfigurationProperties("eventgateway.slo")
public record SloConfig(Duration p30, Duration p20, Duration p10, Duration p30Floor, Duration p20Floor,
        Duration p10Floor) {

    public SloPolicy toPolicy() {
        return new SloPolicy(Map.of(Priority.P30, p30, Priority.P20, p20, Priority.P10, p10),
                Map.of(Priority.P30, p30Floor, Priority.P20, p20Floor, Priority.P10, p10Floor));
    }
}
