package io.eventgateway.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final OffloadDelayBounds BOUNDS = new OffloadDelayBounds(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final TenantQuotaSettings GENEROUS =
            new TenantQuotaSettings(new TenantQuota(1_000_000, 1_000_000), Map.of(), 100);

    private static ClassifierSettings settings(List<StaticRule> rules, TenantQuotaSettings quotas, double p10Burst) {
        return new ClassifierSettings(rules, Priority.P20, quotas, p10Burst, BOUNDS);
    }

    private static ClassificationInput event(String tenant, Priority requested) {
        return new ClassificationInput("order.created", "shop", Map.of(), tenant, requested);
    }

    private final Classifier open = new Classifier(settings(List.of(), GENEROUS, 1_000), 1_000_000, T0);

    @Test
    void withoutRulesOrRequest_theDefaultPriorityIsAdmittedOnItsLane() {
        assertThat(open.classify(event("acme", null), T0)).isEqualTo(new Decision.Admit(Priority.P20, Lane.P20));
    }

    @Test
    void withoutRules_theRequestedPriorityIsUsed() {
        assertThat(open.classify(event("acme", Priority.P30), T0)).isEqualTo(new Decision.Admit(Priority.P30, Lane.P30));
    }

    @Test
    void aMatchingStaticRuleOverridesTheRequestedPriority() {
        Classifier classifier = new Classifier(
                settings(List.of(new StaticRule("order.created", null, null, null, Priority.P10)), GENEROUS, 10),
                1_000, T0);

        assertThat(classifier.classify(event("acme", Priority.P30), T0))
                .isEqualTo(new Decision.Admit(Priority.P10, Lane.P10));
    }

    @Test
    void theFirstMatchingRuleWins() {
        Classifier classifier = new Classifier(settings(List.of(
                        new StaticRule(null, "shop", null, null, Priority.P30),
                        new StaticRule("order.created", null, null, null, Priority.P10)), GENEROUS, 10),
                1_000, T0);

        assertThat(classifier.classify(event("acme", null), T0)).isEqualTo(new Decision.Admit(Priority.P30, Lane.P30));
    }

    @Test
    void aRuleThatDoesNotMatchLeavesTheRequestedPriority() {
        Classifier classifier = new Classifier(
                settings(List.of(new StaticRule("other.type", null, null, null, Priority.P10)), GENEROUS, 10),
                1_000, T0);

        assertThat(classifier.classify(event("acme", Priority.P30), T0))
                .isEqualTo(new Decision.Admit(Priority.P30, Lane.P30));
    }

    @Test
    void aTenantOverItsQuotaIsOffloadedKeepingItsPriority() {
        TenantQuotaSettings tight = new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(), 100);
        Classifier classifier = new Classifier(settings(List.of(), tight, 10), 1_000, T0);
        classifier.classify(event("acme", Priority.P30), T0);

        Decision decision = classifier.classify(event("acme", Priority.P30), T0);

        assertThat(decision).isInstanceOfSatisfying(Decision.Offload.class, offload -> {
            assertThat(offload.priority()).isEqualTo(Priority.P30);
            assertThat(offload.delay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(offload.why()).contains("tenant 'acme'");
        });
    }

    @Test
    void oneTenantOverItsQuotaDoesNotAffectAnother() {
        TenantQuotaSettings tight = new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(), 100);
        Classifier classifier = new Classifier(settings(List.of(), tight, 10), 1_000, T0);
        classifier.classify(event("acme", null), T0);

        assertThat(classifier.classify(event("globex", null), T0)).isInstanceOf(Decision.Admit.class);
    }

    @Test
    void aTenantOverrideRaisesThatTenantsQuota() {
        TenantQuotaSettings quotas = new TenantQuotaSettings(
                new TenantQuota(1, 1), Map.of("acme", new TenantQuota(1, 3)), 100);
        Classifier classifier = new Classifier(settings(List.of(), quotas, 10), 1_000, T0);

        classifier.classify(event("acme", null), T0);
        classifier.classify(event("acme", null), T0);

        assertThat(classifier.classify(event("acme", null), T0)).isInstanceOf(Decision.Admit.class);
    }

    @Test
    void tenantBucketsAreBoundedByEvictingTheLeastRecentlyUsed() {
        TenantQuotaSettings quotas = new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(), 2);
        Classifier classifier = new Classifier(settings(List.of(), quotas, 10), 1_000, T0);
        classifier.classify(event("a", null), T0);
        classifier.classify(event("b", null), T0);
        classifier.classify(event("a", null), T0);

        classifier.classify(event("c", null), T0);

        assertThat(classifier.trackedTenants()).isEqualTo(2);
        // "b" was least recently used, so it was evicted and comes back with a full bucket; "a" was kept.
        assertThat(classifier.classify(event("b", null), T0)).isInstanceOf(Decision.Admit.class);
    }

    @Test
    void aRecentlyUsedTenantKeepsItsSpentBucketWhenOthersAreEvicted() {
        TenantQuotaSettings quotas = new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(), 2);
        Classifier classifier = new Classifier(settings(List.of(), quotas, 10), 1_000, T0);
        classifier.classify(event("a", null), T0);
        classifier.classify(event("b", null), T0);
        classifier.classify(event("a", null), T0);

        classifier.classify(event("c", null), T0);

        assertThat(classifier.classify(event("a", null), T0)).isInstanceOf(Decision.Offload.class);
    }

    @Test
    void p10WithinTheAdmissionRateIsAdmitted() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 2), 1, T0);

        assertThat(classifier.classify(event("acme", Priority.P10), T0))
                .isEqualTo(new Decision.Admit(Priority.P10, Lane.P10));
    }

    @Test
    void p10OverTheAdmissionRateIsOffloadedAsP10WithTheTimeUntilATokenFrees() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 1), 0.25, T0);
        classifier.classify(event("acme", Priority.P10), T0);

        Decision decision = classifier.classify(event("acme", Priority.P10), T0);

        assertThat(decision).isInstanceOfSatisfying(Decision.Offload.class, offload -> {
            assertThat(offload.priority()).isEqualTo(Priority.P10);
            assertThat(offload.lane()).isEqualTo(Lane.OFFLOAD);
            assertThat(offload.delay()).isEqualTo(Duration.ofSeconds(4));
        });
    }

    @Test
    void theP10OffloadDelayIsClampedToTheMaximum() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 1), 0.001, T0);
        classifier.classify(event("acme", Priority.P10), T0);

        Decision decision = classifier.classify(event("acme", Priority.P10), T0);

        assertThat(decision).isInstanceOfSatisfying(Decision.Offload.class,
                offload -> assertThat(offload.delay()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void theP10OffloadDelayIsClampedToTheMinimum() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 1), 100, T0);
        classifier.classify(event("acme", Priority.P10), T0);

        Decision decision = classifier.classify(event("acme", Priority.P10), T0);

        assertThat(decision).isInstanceOfSatisfying(Decision.Offload.class,
                offload -> assertThat(offload.delay()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void theP10AdmissionRateDoesNotLimitOtherPriorities() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 1), 0.001, T0);
        classifier.classify(event("acme", Priority.P10), T0);

        assertThat(classifier.classify(event("acme", Priority.P30), T0)).isInstanceOf(Decision.Admit.class);
    }

    @Test
    void raisingTheP10RateAdmitsMoreFromThatMomentOn() {
        Classifier classifier = new Classifier(settings(List.of(), GENEROUS, 1), 0.1, T0);
        classifier.classify(event("acme", Priority.P10), T0);

        classifier.setP10Rate(10, T0);

        assertThat(classifier.p10Rate()).isEqualTo(10.0);
        assertThat(classifier.classify(event("acme", Priority.P10), T0.plusMillis(100)))
                .isInstanceOf(Decision.Admit.class);
    }

    @Test
    void aTenantOverQuotaDoesNotSpendTheSharedP10Rate() {
        TenantQuotaSettings quotas = new TenantQuotaSettings(
                new TenantQuota(1_000, 1_000), Map.of("noisy", new TenantQuota(0.001, 1)), 100);
        Classifier classifier = new Classifier(settings(List.of(), quotas, 1), 0.001, T0);
        classifier.classify(event("noisy", Priority.P30), T0);

        classifier.classify(event("noisy", Priority.P10), T0);

        assertThat(classifier.classify(event("quiet", Priority.P10), T0))
                .isEqualTo(new Decision.Admit(Priority.P10, Lane.P10));
    }
}
