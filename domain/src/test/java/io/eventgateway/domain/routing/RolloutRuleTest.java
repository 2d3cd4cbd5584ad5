package io.eventgateway.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RolloutRuleTest {

    @Test
    void zeroPercentRoutesNobodyAndHundredRoutesEverybody() {
        assertThat(new RolloutRule(0).routesToRollout("acme")).isFalse();
        assertThat(new RolloutRule(100).routesToRollout("acme")).isTrue();
    }

    @Test
    void aTenantIsRoutedExactlyWhenItsCrc32BucketIsBelowThePercent() {
        int bucket = RolloutRule.bucketOf("acme");

        assertThat(new RolloutRule(bucket).routesToRollout("acme")).isFalse();
        assertThat(new RolloutRule(bucket + 1).routesToRollout("acme")).isTrue();
    }

    @Test
    void percentOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new RolloutRule(101)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> new RolloutRule(-1)).hasMessageContaining("0..100");
    }

    @Property(tries = 100)
    void raisingThePercentNeverRemovesATenant(@ForAll String companyId,
            @ForAll @IntRange(min = 0, max = 99) int percent) {
        boolean before = new RolloutRule(percent).routesToRollout(companyId);
        boolean after = new RolloutRule(percent + 1).routesToRollout(companyId);

        assertThat(!before || after).isTrue();
    }
}
