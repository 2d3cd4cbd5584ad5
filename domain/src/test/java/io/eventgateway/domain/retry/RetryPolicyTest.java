package io.eventgateway.domain.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** Levels 10 s, 30 s, 90 s, 270 s; up to 5 s in memory; 6 attempts. */
    private final RetryPolicy policy = new RetryPolicy(
            new RetrySettings(4, Duration.ofSeconds(10), 3, Duration.ofSeconds(5), 6, 3));

    @Test
    void delayOfALevelIsBaseTimesMultiplierToTheLevelMinusOne() {
        assertThat(policy.delayOf(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayOf(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayOf(4)).isEqualTo(Duration.ofSeconds(270));
    }

    @Test
    void aLevelOutsideOneToNIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.delayOf(5))
                .withMessage("level must be in 1..4, was 5");
    }

    @Test
    void withoutAHint_attemptKGoesToLevelK() {
        assertThat(policy.onRetry(2, null)).isEqualTo(new RetryDecision.ToRetryTopic(2, Duration.ofSeconds(30)));
    }

    @Test
    void withoutAHint_attemptsPastTheLastLevelStayOnTheLastLevel() {
        assertThat(policy.onRetry(5, null)).isEqualTo(new RetryDecision.ToRetryTopic(4, Duration.ofSeconds(270)));
    }

    @Test
    void theFailureOfTheLastAllowedAttemptGoesToTheDeadLetterTopic() {
        assertThat(policy.onRetry(6, null)).isEqualTo(new RetryDecision.ToDeadLetter(
                "retry budget exhausted: attempt 6 failed and at most 6 attempts are allowed"));
    }

    @Test
    void aHintBetweenLevelsPicksTheLargestLevelNotPastItAndKeepsTheHintAsTheDelay() {
        assertThat(policy.onRetry(1, Duration.ofSeconds(100)))
                .isEqualTo(new RetryDecision.ToRetryTopic(3, Duration.ofSeconds(100)));
    }

    @Test
    void aHintBelowTheFirstLevelButTooLongForMemoryIsRaisedToIt() {
        assertThat(policy.onRetry(1, Duration.ofSeconds(7)))
                .isEqualTo(new RetryDecision.ToRetryTopic(1, Duration.ofSeconds(10)));
    }

    @Test
    void aHintThatFitsInMemoryIsHonouredAsItIs() {
        assertThat(policy.onRetry(1, Duration.ofSeconds(1)))
                .isEqualTo(new RetryDecision.HoldInMemory(Duration.ofSeconds(1)));
    }

    @Test
    void aNegativeHintMeansAtOnce() {
        assertThat(policy.onRetry(1, Duration.ofSeconds(-3))).isEqualTo(new RetryDecision.HoldInMemory(Duration.ZERO));
    }

    @Test
    void aHintAboveTheLastLevelIsLoweredToIt() {
        assertThat(policy.onRetry(1, Duration.ofHours(5)))
                .isEqualTo(new RetryDecision.ToRetryTopic(4, Duration.ofSeconds(270)));
    }

    @Test
    void aHintDoesNotExtendTheBudget() {
        assertThat(policy.onRetry(6, Duration.ofSeconds(30))).isInstanceOf(RetryDecision.ToDeadLetter.class);
    }

    @Test
    void aDelayWithinTheInMemoryMaximumIsHeldInMemory() {
        RetryPolicy shortFirstLevel = new RetryPolicy(
                new RetrySettings(3, Duration.ofSeconds(2), 5, Duration.ofSeconds(5), 6, 3));

        assertThat(shortFirstLevel.onRetry(1, null)).isEqualTo(new RetryDecision.HoldInMemory(Duration.ofSeconds(2)));
    }

    @Test
    void aHintWithinTheInMemoryMaximumIsHeldInMemoryForTheHintedTime() {
        RetryPolicy shortFirstLevel = new RetryPolicy(
                new RetrySettings(3, Duration.ofSeconds(2), 5, Duration.ofSeconds(5), 6, 3));

        assertThat(shortFirstLevel.onRetry(1, Duration.ofSeconds(4)))
                .isEqualTo(new RetryDecision.HoldInMemory(Duration.ofSeconds(4)));
    }

    @Test
    void attemptsBelowOneAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy.onRetry(0, null))
                .withMessage("attemptsSoFar must be >= 1, was 0");
    }

    @Test
    void aRecordDueIn90SecondsPicksThe90SecondLevel() {
        assertThat(policy.levelForDueIn(Duration.ofSeconds(90))).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void aRecordDueJustBeforeALevelPicksTheLevelBelow() {
        assertThat(policy.levelForDueIn(Duration.ofSeconds(90).minusMillis(1))).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aRecordDueBeyondTheLastLevelPicksTheLastLevel() {
        assertThat(policy.levelForDueIn(Duration.ofDays(1))).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void aRecordDueWithinTheInMemoryMaximumIsHeldInMemory() {
        assertThat(policy.levelForDueIn(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aRecordDueBeforeTheFirstLevelIsHeldInMemory_becauseAnyTopicWouldMakeItLate() {
        assertThat(policy.levelForDueIn(Duration.ofSeconds(8))).isEmpty();
    }

    @Test
    void aRecordAlreadyDueIsHeldInMemory() {
        assertThat(policy.levelForDueIn(Duration.ofSeconds(-3))).isEmpty();
    }
}
