package io.eventgateway.domain.classify;

import java.util.Map;
import java.util.Objects;

/**
 * Per-tenant admission quotas.
 *
 * @param defaultQuota      the quota of a tenant without an override
 * @param overrides         quotas by tenant ({@code company_id})
 * @param maxTrackedTenants the most tenant buckets held at once; past it the least recently used is evicted,
 *                          so memory stays bounded however many tenants appear (an evicted tenant returns with
 *                          a full burst)
 */
public record TenantQuotaSettings(TenantQuota defaultQuota, Map<String, TenantQuota> overrides, int maxTrackedTenants) {

    /** 5 000 events/s with a burst of 10 000 per tenant, no overrides, 10 000 tenants tracked. */
    public static TenantQuotaSettings defaults() {
        return new TenantQuotaSettings(new TenantQuota(5_000, 10_000), Map.of(), 10_000);
    }

    public TenantQuotaSettings {
        Objects.requireNonNull(defaultQuota, "defaultQuota");
        Objects.requireNonNull(overrides, "overrides");
        overrides.forEach((tenant, quota) -> {
            if (tenant == null || tenant.isBlank()) {
                throw new IllegalArgumentException("overrides has a blank tenant id");
            }
            if (quota == null) {
                throw new IllegalArgumentException("overrides has no quota for tenant '" + tenant + "'");
            }
        });
        overrides = Map.copyOf(overrides);
        if (maxTrackedTenants < 1) {
            throw new IllegalArgumentException("maxTrackedTenants must be >= 1, was " + maxTrackedTenants);
        }
    }

    public TenantQuota quotaOf(String tenant) {
        return overrides.getOrDefault(tenant, defaultQuota);
    }
}
