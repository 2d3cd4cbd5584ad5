package io.eventgateway.domain.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Leveled retries. The retry topics form a timing wheel: level {@code k} has one fixed delay, so a topic's
 * records become due in order. A delay picks the largest level whose delay does not pass it; the record comes
 * back early when the delay falls between levels, and is then routed again by what is left
 * ({@link #levelForDueIn}), down the levels and finally into memory.
 *
 * <p>Invariants: delays are non-decreasing in the level; at most {@code maxAttempts - 1} retries per event;
 * {@link RetryDecision.HoldInMemory} never holds longer than {@code inMemoryMaxDelay}. Immutable.
 */
public final class RetryPolicy {

    private final RetrySettings settings;
    private final List<Duration> delayByLevel;

    public RetryPolicy(RetrySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        List<Duration> delays = new ArrayList<>(settings.levels());
        double baseNanos = settings.baseDelay().toNanos();
        for (int level = 1; level <= settings.levels(); level++) {
            delays.add(Duration.ofNanos(Math.round(baseNanos * Math.pow(settings.multiplier(), level - 1))));
        }
        this.delayByLevel = List.copyOf(delays);
    }

    public RetrySettings settings() {
        return settings;
    }

    /** {@code baseDelay × multiplier^(level-1)}, for {@code level} in {@code 1..levels}. */
    public Duration delayOf(int level) {
        if (level < 1 || level > settings.levels()) {
            throw new IllegalArgumentException("level must be in 1.." + settings.levels() + ", was " + level);
        }
        return delayByLevel.get(level - 1);
    }

    /**
     * Decides what follows a failed attempt.
     *
     * @param attemptsSoFar processing attempts made, including the one that just failed ({@code >= 1})
     * @param hintOrNull    the processor's retry-after, or {@code null}; honoured when it fits in memory, else clamped
     *                      to the level-1..level-N delays
     */
    public RetryDecision onRetry(int attemptsSoFar, Duration hintOrNull) {
        if (attemptsSoFar < 1) {
            throw new IllegalArgumentException("attemptsSoFar must be >= 1, was " + attemptsSoFar);
        }
        if (attemptsSoFar >= settings.maxAttempts()) {
            return new RetryDecision.ToDeadLetter("retry budget exhausted: attempt " + attemptsSoFar
                    + " failed and at most " + settings.maxAttempts() + " attempts are allowed");
        }
        Duration delay = hintOrNull == null
                ? delayOf(Math.min(attemptsSoFar, settings.levels()))
                : clampToLevels(hintOrNull);
        OptionalInt level = levelForDueIn(delay);
        return level.isPresent()
                ? new RetryDecision.ToRetryTopic(level.getAsInt(), delay)
                : new RetryDecision.HoldInMemory(delay);
    }

    /**
     * The level for a record due in {@code remaining}: the largest level whose delay is not past it. Empty when
     * the record should be held in memory instead: {@code remaining <= inMemoryMaxDelay}, or shorter than the
     * level-1 delay (any topic would deliver it late).
     */
    public OptionalInt levelForDueIn(Duration remaining) {
        Objects.requireNonNull(remaining, "remaining");
        if (remaining.compareTo(settings.inMemoryMaxDelay()) <= 0) {
            return OptionalInt.empty();
        }
        for (int level = settings.levels(); level >= 1; level--) {
            if (delayOf(level).compareTo(remaining) <= 0) {
                return OptionalInt.of(level);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A hint short enough to wait in memory is honoured as it is (negative means now); a longer one is kept within the
     * level-1..level-N delays, so a topic never delivers it early.
     */
    private Duration clampToLevels(Duration hint) {
        if (hint.compareTo(settings.inMemoryMaxDelay()) <= 0) {
            return hint.isNegative() ? Duration.ZERO : hint;
        }
        Duration shortest = delayOf(1);
        Duration longest = delayOf(settings.levels());
        if (hint.compareTo(shortest) < 0) {
            return shortest;
        }
        return hint.compareTo(longest) > 0 ? longest : hint;
    }
}
