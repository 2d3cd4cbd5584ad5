package io.eventgateway.domain.classify;

/** One tenant's admission quota: events per second and the burst it may send at once. */
public record TenantQuota(double ratePerSecond, double burst) {

    public TenantQuota {
        if (!(ratePerSecond > 0.0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a finite number > 0, was " + ratePerSecond);
        }
        if (!(burst >= 1.0) || Double.isInfinite(burst)) {
            throw new IllegalArgumentException("burst must be a finite number >= 1, was " + burst);
        }
    }
}
