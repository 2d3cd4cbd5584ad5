package io.eventgateway.domain.routing;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which tenants go to the rollout cluster: those with {@code crc32(company_id) mod 100 < percent}. The hash is
 * stable, so raising the percent only ever adds tenants and a tenant never flips back and forth.
 */
public record RolloutRule(int percent) {

    public static RolloutRule none() {
        return new RolloutRule(0);
    }

    public RolloutRule {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("rollout percent must be within 0..100, was " + percent);
        }
    }

    public boolean routesToRollout(String companyId) {
        return percent > 0 && bucketOf(companyId) < percent;
    }

    /** The tenant's bucket, 0..99. */
    public static int bucketOf(String companyId) {
        CRC32 crc = new CRC32();
        crc.update(companyId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }
}
