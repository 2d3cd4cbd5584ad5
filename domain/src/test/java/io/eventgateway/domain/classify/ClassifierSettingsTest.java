package io.eventgateway.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {

    private static final ClassifierSettings DEFAULTS = ClassifierSettings.defaults();

    @Test
    void defaultPriorityIsP20() {
        assertThat(DEFAULTS.defaultPriority()).isEqualTo(Priority.P20);
    }

    @Test
    void rulesAreCopiedSoLaterChangesToTheSourceListDoNotLeakIn() {
        List<StaticRule> rules = new ArrayList<>();
        ClassifierSettings settings = new ClassifierSettings(rules, Priority.P20, DEFAULTS.tenantQuotas(), 10,
                DEFAULTS.offloadDelay());

        rules.add(new StaticRule("x", null, null, null, Priority.P30));

        assertThat(settings.rules()).isEmpty();
    }

    @Test
    void aNullRuleIsRejectedWithItsPosition() {
        List<StaticRule> rules = new ArrayList<>();
        rules.add(new StaticRule("x", null, null, null, Priority.P30));
        rules.add(null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassifierSettings(rules, Priority.P20, DEFAULTS.tenantQuotas(), 10,
                        DEFAULTS.offloadDelay()))
                .withMessage("rules[1] must not be null");
    }

    @Test
    void p10BurstBelowOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClassifierSettings(List.of(), Priority.P20, DEFAULTS.tenantQuotas(), 0.5,
                        DEFAULTS.offloadDelay()))
                .withMessage("p10Burst must be a finite number >= 1, was 0.5");
    }

    @Test
    void tenantQuotaWithZeroRateIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantQuota(0, 10))
                .withMessage("ratePerSecond must be a finite number > 0, was 0.0");
    }

    @Test
    void tenantQuotaWithBurstBelowOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantQuota(10, 0))
                .withMessage("burst must be a finite number >= 1, was 0.0");
    }

    @Test
    void tenantQuotaSettingsNeedAtLeastOneTrackedTenant() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(), 0))
                .withMessage("maxTrackedTenants must be >= 1, was 0");
    }

    @Test
    void anOverrideForABlankTenantIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantQuotaSettings(new TenantQuota(1, 1), Map.of(" ", new TenantQuota(1, 1)), 5))
                .withMessage("overrides has a blank tenant id");
    }

    @Test
    void aTenantWithAnOverrideGetsItAndOthersGetTheDefault() {
        TenantQuota big = new TenantQuota(100, 100);
        TenantQuotaSettings quotas = new TenantQuotaSettings(new TenantQuota(1, 1), Map.of("acme", big), 5);

        assertThat(quotas.quotaOf("acme")).isEqualTo(big);
        assertThat(quotas.quotaOf("other")).isEqualTo(new TenantQuota(1, 1));
    }

    @Test
    void offloadBoundsWithMaxBelowMinAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OffloadDelayBounds(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .withMessage("max must be a duration >= min=PT2S, was PT1S");
    }

    @Test
    void negativeOffloadMinIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OffloadDelayBounds(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .withMessage("min must be a duration >= 0, was PT-1S");
    }

    @Test
    void offloadBoundsClampADelayIntoTheirRange() {
        OffloadDelayBounds bounds = new OffloadDelayBounds(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(bounds.clamp(Duration.ofMillis(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(bounds.clamp(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(bounds.clamp(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(10));
    }
}
