package io.eventgateway.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.congestion.AdmissionAdvice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

class AimdControllerProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** One step of a run: an advice after a clock jump (which may go backwards), or a settings update. */
    record Step(AdmissionAdvice advice, long jumpMillis, AimdSettings newSettings) {
    }

    @Property(tries = 100)
    void rateStaysWithinFloorAndCeilingOfTheCurrentSettings(
            @ForAll("settings") AimdSettings initial, @ForAll @Size(max = 80) List<@From("steps") Step> steps) {
        AimdController controller = new AimdController(initial);
        Instant now = T0;
        for (Step step : steps) {
            if (step.newSettings() != null) {
                controller.updateSettings(step.newSettings());
            } else {
                now = now.plusMillis(step.jumpMillis());
                controller.onSignal(step.advice(), now);
            }
            AimdSettings current = controller.settings();
            assertThat(controller.rate()).isBetween(current.floor(), current.ceiling());
        }
    }

    @Provide
    Arbitrary<AimdSettings> settings() {
        Arbitrary<Double> floor = Arbitraries.doubles().between(0.001, 1_000).ofScale(3);
        Arbitrary<Double> span = Arbitraries.doubles().between(0, 10_000);
        Arbitrary<Double> initialShare = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> step = Arbitraries.doubles().between(0.001, 5_000).ofScale(3);
        Arbitrary<Double> factor = Arbitraries.doubles().between(0.01, 0.99);
        Arbitrary<Duration> interval = Arbitraries.longs().between(0, 10_000).map(Duration::ofMillis);
        return Combinators.combine(floor, span, initialShare, step, factor, interval, interval)
                .as((f, s, share, add, mul, down, up) ->
                        new AimdSettings(f, f + s, Math.min(f + s, f + s * share), add, mul, down, up));
    }

    @Provide
    Arbitrary<Step> steps() {
        Arbitrary<Step> advice = Combinators.combine(
                        Arbitraries.of(AdmissionAdvice.class), Arbitraries.longs().between(-3_000, 10_000))
                .as((a, jump) -> new Step(a, jump, null));
        Arbitrary<Step> update = settings().map(s -> new Step(null, 0, s));
        return Arbitraries.frequencyOf(
                Tuple.of(9, advice), Tuple.of(1, update));
    }
}
