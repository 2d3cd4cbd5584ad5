package io.eventgateway.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyProperties {

    @Provide
    Arbitrary<RetrySettings> settings() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 8),
                        Arbitraries.longs().between(1, 60_000).map(Duration::ofMillis),
                        Arbitraries.doubles().between(1.0, 10.0),
                        Arbitraries.longs().between(0, 120_000).map(Duration::ofMillis),
                        Arbitraries.integers().between(1, 20))
                .as((levels, base, multiplier, inMemory, maxAttempts) ->
                        new RetrySettings(levels, base, multiplier, inMemory, maxAttempts, 3));
    }

    @Property(tries = 100)
    void delaysAreNonDecreasingInTheLevel(@ForAll("settings") RetrySettings settings) {
        RetryPolicy policy = new RetryPolicy(settings);

        for (int level = 2; level <= settings.levels(); level++) {
            assertThat(policy.delayOf(level)).isGreaterThanOrEqualTo(policy.delayOf(level - 1));
        }
    }

    @Property(tries = 100)
    void anEventIsRetriedAtMostMaxAttemptsMinusOneTimesThenDeadLettered(
            @ForAll("settings") RetrySettings settings, @ForAll @LongRange(min = -1, max = 600_000) long hintMillis) {
        RetryPolicy policy = new RetryPolicy(settings);
        Duration hint = hintMillis < 0 ? null : Duration.ofMillis(hintMillis);

        int retries = 0;
        for (int attempt = 1; attempt <= settings.maxAttempts() + 5; attempt++) {
            if (!(policy.onRetry(attempt, hint) instanceof RetryDecision.ToDeadLetter)) {
                retries++;
                assertThat(attempt).isLessThan(settings.maxAttempts());
            }
        }

        assertThat(retries).isEqualTo(settings.maxAttempts() - 1);
    }

    @Property(tries = 100)
    void decisionsRespectTheInMemoryMaximumAndTheLevelsDelay(
            @ForAll("settings") RetrySettings settings, @ForAll @IntRange(min = 1, max = 30) int attempt,
            @ForAll @LongRange(min = -1, max = 600_000) long hintMillis) {
        RetryPolicy policy = new RetryPolicy(settings);
        Duration hint = hintMillis < 0 ? null : Duration.ofMillis(hintMillis);

        RetryDecision decision = policy.onRetry(attempt, hint);

        if (decision instanceof RetryDecision.HoldInMemory hold) {
            assertThat(hold.delay()).isLessThanOrEqualTo(settings.inMemoryMaxDelay());
        } else if (decision instanceof RetryDecision.ToRetryTopic toTopic) {
            assertThat(policy.delayOf(toTopic.level())).isLessThanOrEqualTo(toTopic.delay());
            assertThat(toTopic.delay()).isBetween(policy.delayOf(1), policy.delayOf(settings.levels()));
        }
    }

    @Property(tries = 100)
    void levelForDueInNeverPicksALevelWhoseDelayExceedsTheRemainingTime(
            @ForAll("settings") RetrySettings settings,
            @ForAll @LongRange(min = -10_000, max = 100_000_000) long remainingMillis) {
        RetryPolicy policy = new RetryPolicy(settings);
        Duration remaining = Duration.ofMillis(remainingMillis);

        OptionalInt level = policy.levelForDueIn(remaining);

        if (level.isPresent()) {
            assertThat(policy.delayOf(level.getAsInt())).isLessThanOrEqualTo(remaining);
            assertThat(remaining).isGreaterThan(settings.inMemoryMaxDelay());
            if (level.getAsInt() < settings.levels()) {
                assertThat(policy.delayOf(level.getAsInt() + 1)).isGreaterThan(remaining);
            }
        } else {
            assertThat(remaining.compareTo(settings.inMemoryMaxDelay()) <= 0
                    || remaining.compareTo(policy.delayOf(1)) < 0).isTrue();
        }
    }
}
