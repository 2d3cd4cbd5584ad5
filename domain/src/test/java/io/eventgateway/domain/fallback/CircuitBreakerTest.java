package io.eventgateway.domain.fallback;

import static io.eventgateway.domain.fallback.CircuitBreaker.Permission.ATTEMPT;
import static io.eventgateway.domain.fallback.CircuitBreaker.Permission.PROBE;
import static io.eventgateway.domain.fallback.CircuitBreaker.Permission.SKIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    private final CircuitBreaker breaker = new CircuitBreaker(new CircuitBreakerSettings(2, PROBE_INTERVAL));

    @Test
    void aClosedCircuitLetsEveryWriteAttempt() {
        assertThat(breaker.permission(T0)).isEqualTo(ATTEMPT);
        breaker.onFailure(T0);
        assertThat(breaker.permission(T0)).isEqualTo(ATTEMPT);
    }

    @Test
    void consecutiveFailuresOpenTheCircuitAndWritesSkipTheTarget() {
        breaker.onFailure(T0);
        breaker.onFailure(T0);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.permission(T0.plusSeconds(1))).isEqualTo(SKIP);
    }

    @Test
    void aSuccessBetweenFailuresResetsTheCount() {
        breaker.onFailure(T0);
        breaker.onSuccess();
        breaker.onFailure(T0);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void afterTheProbeIntervalExactlyOneWriteProbes() {
        open();

        Instant later = T0.plus(PROBE_INTERVAL);
        assertThat(breaker.permission(later)).isEqualTo(PROBE);
        assertThat(breaker.permission(later)).isEqualTo(SKIP);
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aSuccessfulProbeClosesTheCircuit() {
        open();
        breaker.permission(T0.plus(PROBE_INTERVAL));

        breaker.onSuccess();

        assertThat(breaker.permission(T0.plus(PROBE_INTERVAL))).isEqualTo(ATTEMPT);
    }

    @Test
    void aFailedProbeReopensForAnotherInterval() {
        open();
        Instant probeAt = T0.plus(PROBE_INTERVAL);
        breaker.permission(probeAt);

        breaker.onFailure(probeAt);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.permission(probeAt.plusSeconds(4))).isEqualTo(SKIP);
        assertThat(breaker.permission(probeAt.plus(PROBE_INTERVAL))).isEqualTo(PROBE);
    }

    @Test
    void aProbeThatNeverReportsIsReplacedAfterAnInterval() {
        open();
        breaker.permission(T0.plus(PROBE_INTERVAL));

        assertThat(breaker.permission(T0.plus(PROBE_INTERVAL.multipliedBy(2)))).isEqualTo(PROBE);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new CircuitBreakerSettings(0, PROBE_INTERVAL))
                .hasMessageContaining("failureThreshold");
        assertThatThrownBy(() -> new CircuitBreakerSettings(1, Duration.ZERO)).hasMessageContaining("probeInterval");
    }

    @Property(tries = 100)
    void whileFailingAtMostOneAttemptIsPermittedPerProbeInterval(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 3_000) Integer> gapsMillis) {
        CircuitBreaker subject = new CircuitBreaker(new CircuitBreakerSettings(1, PROBE_INTERVAL));
        Instant now = T0;
        subject.onFailure(now);
        Instant lastAttempt = now;
        for (int gap : gapsMillis) {
            now = now.plusMillis(gap);
            if (subject.permission(now) != SKIP) {
                assertThat(Duration.between(lastAttempt, now)).isGreaterThanOrEqualTo(PROBE_INTERVAL);
                lastAttempt = now;
                subject.onFailure(now);
            }
        }
    }

    private void open() {
        breaker.onFailure(T0);
        breaker.onFailure(T0);
    }
}
