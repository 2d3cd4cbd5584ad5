package io.eventgateway.domain.dispatch;

/**
 * A key as strict ordering sees it: scoped by tenant, so two tenants that happen to use the same group key do not
 * serialise each other's work.
 */
public record OrderingKey(String tenant, String key) {

    public OrderingKey {
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("tenant must not be empty");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }
}
