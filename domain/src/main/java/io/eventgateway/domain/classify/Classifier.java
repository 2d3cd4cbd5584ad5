package io.eventgateway.domain.classify;

import io.eventgateway.domain.admission.TokenBucket;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, per incoming event, its priority and whether it is admitted now.
 *
 * <ol>
 *   <li>Tenant quota: a tenant over its rate is offloaded, never dropped. It is checked before P10 admission so
 *       a noisy tenant does not spend the shared P10 rate on events that are shed anyway.</li>
 *   <li>P10 admission: P10 events pass at the AIMD rate ({@link #setP10Rate}); above it they are offloaded with a
 *       delay of the time until a token frees, clamped to the configured bounds.</li>
 * </ol>
 *
 * <p>Mutable (token buckets) and not thread-safe: each publisher worker owns one, or callers serialise.
 */
public final class Classifier {

    private static final int ONE_EVENT = 1;

    private final ClassifierSettings settings;
    private final TenantBuckets tenantBuckets;
    private final TokenBucket p10Bucket;

    /**
     * @param p10Rate the initial P10 admission rate, events per second (normally the AIMD controller's initial rate)
     */
    public Classifier(ClassifierSettings settings, double p10Rate, Instant now) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tenantBuckets = new TenantBuckets(settings.tenantQuotas());
        this.p10Bucket = new TokenBucket(p10Rate, settings.p10Burst(), now);
    }

    public Decision classify(ClassificationInput input, Instant now) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        Priority priority = priorityOf(input);
        TokenBucket tenantBucket = tenantBuckets.bucketOf(input.companyId(), now);
        if (!tenantBucket.tryAcquire(now, ONE_EVENT)) {
            return new Decision.Offload(priority, offloadDelay(tenantBucket, now),
                    "tenant '" + input.companyId() + "' is over its quota of " + tenantBucket.rate() + " events/s");
        }
        if (priority == Priority.P10 && !p10Bucket.tryAcquire(now, ONE_EVENT)) {
            return new Decision.Offload(priority, offloadDelay(p10Bucket, now),
                    "P10 admission rate of " + p10Bucket.rate() + " events/s is reached");
        }
        return new Decision.Admit(priority, Lane.of(priority));
    }

    /** Sets the P10 admission rate (from the AIMD controller), effective from {@code now}. */
    public void setP10Rate(double ratePerSecond, Instant now) {
        p10Bucket.setRate(ratePerSecond, now);
    }

    public double p10Rate() {
        return p10Bucket.rate();
    }

    /** Tenant buckets held now; at most {@code maxTrackedTenants}. */
    public int trackedTenants() {
        return tenantBuckets.size();
    }

    private Priority priorityOf(ClassificationInput input) {
        for (StaticRule rule : settings.rules()) {
            if (rule.matches(input)) {
                return rule.priority();
            }
        }
        return input.requestedPriority() != null ? input.requestedPriority() : settings.defaultPriority();
    }

    private Duration offloadDelay(TokenBucket bucket, Instant now) {
        return settings.offloadDelay().clamp(bucket.waitTime(now, ONE_EVENT));
    }
}
