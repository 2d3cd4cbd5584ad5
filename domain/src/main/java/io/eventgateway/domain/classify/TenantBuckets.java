package io.eventgateway.domain.classify;

import io.eventgateway.domain.admission.TokenBucket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per tenant, at most {@code maxTrackedTenants} of them: the least recently used is evicted
 * past that, so a stream of new tenant ids cannot grow memory without bound. Not thread-safe.
 */
final class TenantBuckets {

    private final TenantQuotaSettings settings;
    private final Map<String, TokenBucket> buckets;

    TenantBuckets(TenantQuotaSettings settings) {
        this.settings = settings;
        // Access order makes iteration order least-recently-used first, which removeEldestEntry evicts.
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > settings.maxTrackedTenants();
            }
        };
    }

    TokenBucket bucketOf(String tenant, Instant now) {
        TokenBucket bucket = buckets.get(tenant);
        if (bucket == null) {
            TenantQuota quota = settings.quotaOf(tenant);
            bucket = new TokenBucket(quota.ratePerSecond(), quota.burst(), now);
            buckets.put(tenant, bucket);
        }
        return bucket;
    }

    int size() {
        return buckets.size();
    }
}
