package io.eventgateway.domain.admission;

import io.eventgateway.domain.congestion.AdmissionAdvice;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Additive-increase, multiplicative-decrease of a publisher's P10 admission rate, driven by the
 * {@link AdmissionAdvice} of the flow-control signals.
 *
 * <p>Invariant: {@code floor <= rate <= ceiling} of the current settings, at all times. A decrease happens at
 * most once per {@code minDecreaseInterval}; an increase at most once per {@code minIncreaseInterval}, counted
 * from the last change of either kind, so the rate does not climb straight back after a cut. When {@code now}
 * is before the last change (the clock stepped back) the interval has not elapsed.
 *
 * <p>Mutable and not thread-safe: the flow-control loop owns it.
 */
public final class AimdController {

    private AimdSettings settings;
    private double rate;
    private Instant lastDecreaseAt;
    private Instant lastChangeAt;

    public AimdController(AimdSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rate = settings.initial();
    }

    /** Applies one advice and returns the rate after it. */
    public double onSignal(AdmissionAdvice advice, Instant now) {
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(now, "now");
        switch (advice) {
            case DECREASE -> maybeDecrease(now);
            case INCREASE -> maybeIncrease(now);
            case HOLD -> { }
        }
        return rate;
    }

    /**
     * Takes new bounds and steps (a dynamic setting); the current rate is kept, clamped into the new bounds.
     * {@code initial} of the new settings is ignored: it only applies at start. Returns the rate after it.
     */
    public double updateSettings(AimdSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
        this.rate = clamp(rate);
        return rate;
    }

    public double rate() {
        return rate;
    }

    public AimdSettings settings() {
        return settings;
    }

    private void maybeDecrease(Instant now) {
        if (!elapsed(lastDecreaseAt, settings.minDecreaseInterval(), now)) {
            return;
        }
        rate = clamp(rate * settings.decreaseFactor());
        lastDecreaseAt = now;
        lastChangeAt = now;
    }

    private void maybeIncrease(Instant now) {
        if (!elapsed(lastChangeAt, settings.minIncreaseInterval(), now)) {
            return;
        }
        rate = clamp(rate + settings.additiveStep());
        lastChangeAt = now;
    }

    private static boolean elapsed(Instant since, Duration interval, Instant now) {
        return since == null || !now.isBefore(since.plus(interval));
    }

    private double clamp(double value) {
        return Math.max(settings.floor(), Math.min(settings.ceiling(), value));
    }
}
