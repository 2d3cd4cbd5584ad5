package io.eventgateway.domain.classify;

import io.eventgateway.domain.priority.Priority;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the {@link Classifier}.
 *
 * @param rules           static rules, first match wins
 * @param defaultPriority the priority when no rule matches and the producer gave none
 * @param tenantQuotas    per-tenant admission
 * @param p10Burst        how many P10 events may pass at once above the AIMD rate (the P10 bucket's capacity)
 * @param offloadDelay    bounds of every offload delay the classifier hands out (P10 admission and tenant quota)
 */
public record ClassifierSettings(
        List<StaticRule> rules,
        Priority defaultPriority,
        TenantQuotaSettings tenantQuotas,
        double p10Burst,
        OffloadDelayBounds offloadDelay) {

    /** No rules, P20 by default, default tenant quotas, a P10 burst of 1 000, 1 MiB events. */
    public static ClassifierSettings defaults() {
        return new ClassifierSettings(List.of(), Priority.P20, TenantQuotaSettings.defaults(), 1_000,
                OffloadDelayBounds.defaults());
    }

    public ClassifierSettings {
        Objects.requireNonNull(rules, "rules");
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new IllegalArgumentException("rules[" + i + "] must not be null");
            }
        }
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultPriority, "defaultPriority");
        Objects.requireNonNull(tenantQuotas, "tenantQuotas");
        if (!(p10Burst >= 1.0) || Double.isInfinite(p10Burst)) {
            throw new IllegalArgumentException("p10Burst must be a finite number >= 1, was " + p10Burst);
        }
        Objects.requireNonNull(offloadDelay, "offloadDelay");
    }
}
