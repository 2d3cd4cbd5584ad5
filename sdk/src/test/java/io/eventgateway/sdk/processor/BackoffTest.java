package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(7));

    @Property(tries = 100)
    void aWaitStaysWithinTheJitterOfItsExponentialAndNeverExceedsTheMax(
            @ForAll @IntRange(min = 1, max = 200) int failures) {
        double exponential = Math.min(100 * Math.pow(2, failures - 1), 5_000);

        Duration wait = backoff.after(failures);

        assertThat(wait.toNanos() / 1e6).isBetween(exponential * (1 - Backoff.JITTER) - 1e-6,
                Math.min(exponential * (1 + Backoff.JITTER), 5_000) + 1e-6);
    }
}
