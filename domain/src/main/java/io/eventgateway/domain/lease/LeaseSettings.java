package io.eventgateway.domain.lease;

import java.time.Duration;
import java.util.Objects;

/**
 * Lease policy.
 *
 * @param defaultTtl            the lease a batch gets; a processor may ask for less, never more
 * @param maxLeaseTotal         a lease is never extended past {@code leasedAt + maxLeaseTotal}; then it expires and the
 *                              delivery counts
 * @param maxDeliveries         expired deliveries after which a task escalates to the retry path instead of looping
 * @param rememberedResolutions how many recently resolved tasks the table remembers, to tell a duplicate response
 *                              from an unknown one
 */
public record LeaseSettings(Duration defaultTtl, Duration maxLeaseTotal, int maxDeliveries, int rememberedResolutions) {

    public static final int DEFAULT_REMEMBERED_RESOLUTIONS = 10_000;

    public LeaseSettings {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        Objects.requireNonNull(maxLeaseTotal, "maxLeaseTotal");
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("defaultTtl must be positive, was " + defaultTtl);
        }
        if (maxLeaseTotal.compareTo(defaultTtl) < 0) {
            throw new IllegalArgumentException(
                    "maxLeaseTotal must be >= defaultTtl (" + defaultTtl + "), was " + maxLeaseTotal);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be >= 1, was " + maxDeliveries);
        }
        if (rememberedResolutions < 0) {
            throw new IllegalArgumentException("rememberedResolutions must be >= 0, was " + rememberedResolutions);
        }
    }

    /** {@code maxLeaseTotal = 5 x ttl} and the default memory of resolutions. */
    public static LeaseSettings of(Duration defaultTtl, int maxDeliveries) {
        Objects.requireNonNull(defaultTtl, "defaultTtl");
        return new LeaseSettings(defaultTtl, defaultTtl.multipliedBy(5), maxDeliveries, DEFAULT_REMEMBERED_RESOLUTIONS);
    }
}
