package io.eventgateway.adapters.kafka.topics;

import java.util.Objects;

/**
 * A topic config that differs from the plan: its key, the cluster's value ({@code null} when the cluster reported
 * none) and the planned value it is set to.
 */
public record ConfigChange(String key, String current, String planned) {

    public ConfigChange {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(planned, "planned");
    }

    @Override
    public String toString() {
        return key + ": " + (current == null ? "(none)" : current) + " -> " + planned;
    }
}
