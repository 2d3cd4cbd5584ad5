package io.eventgateway.bootstrap.config;

import io.eventgateway.domain.classify.ClassifierSettings;
import io.eventgateway.domain.classify.OffloadDelayBounds;
import io.eventgateway.domain.classify.StaticRule;
import io.eventgateway.domain.classify.TenantQuota;
import io.eventgateway.domain.classify.TenantQuotaSettings;
import io.eventgateway.domain.priority.Priority;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eventgateway.classifier.*}. Static rules are a list of maps with {@code priority} and any of
 * {@code event-type}, {@code source-name}, {@code attribute-key} + {@code attribute-value}; first match wins.
 * Tenant overrides map a {@code company_id} to {@code "rate/burst"}.
 */
@ConfigurationProperties("eventgateway.classifier")
public record ClassifierConfig(
        Priority defaultPriority,
        double p10Burst,
        double tenantRate,
        double tenantBurst,
        Map<String, String> tenantOverrides,
        int maxTrackedTenants,
        Duration offloadDelayMin,
        Duration offloadDelayMax,
        List<Map<String, String>> rules) {

    public ClassifierSettings toSettings() {
        List<StaticRule> staticRules = new ArrayList<>();
        List<Map<String, String>> configured = rules == null ? List.of() : rules;
        for (int i = 0; i < configured.size(); i++) {
            staticRules.add(rule(configured.get(i), i));
        }
        Map<String, TenantQuota> overrides = new HashMap<>();
        if (tenantOverrides != null) {
            tenantOverrides.forEach((tenant, quota) -> overrides.put(tenant, quota(tenant, quota)));
        }
        return new ClassifierSettings(staticRules, defaultPriority,
                new TenantQuotaSettings(new TenantQuota(tenantRate, tenantBurst), overrides, maxTrackedTenants),
                p10Burst, new OffloadDelayBounds(offloadDelayMin, offloadDelayMax));
    }

    private static StaticRule rule(Map<String, String> rule, int index) {
        String priority = rule.get("priority");
        Priority parsed = Priority.parse(priority).orElseThrow(() -> new IllegalArgumentException(
                "eventgateway.classifier.rules[" + index + "].priority '" + priority + "' is not P10, P20 or P30"));
        try {
            return new StaticRule(rule.get("event-type"), rule.get("source-name"), rule.get("attribute-key"),
                    rule.get("attribute-value"), parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eventgateway.classifier.rules[" + index + "]: " + e.getMessage(), e);
        }
    }

    private static TenantQuota quota(String tenant, String text) {
        String[] parts = text.split("/", -1);
        try {
            return new TenantQuota(Double.parseDouble(parts[0].trim()),
                    Double.parseDouble(parts[parts.length - 1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eventgateway.classifier.tenant-overrides." + tenant + " '" + text
                    + "' must be rate/burst, e.g. 100/200", e);
        }
    }
}
