package io.eventgateway.bootstrap.settings;

import io.eventgateway.domain.admission.AimdSettings;

/**
 * A change to the AIMD bounds from an operator; absent values ({@code null}) keep the current ones. The initial
 * rate only matters at start, so it is clamped into the new bounds rather than refused.
 */
record AimdBoundsChange(Double floor, Double ceiling, Double additiveStep, Double decreaseFactor) {

    AimdSettings applyTo(AimdSettings current) {
        double newFloor = floor == null ? current.floor() : floor;
        double newCeiling = ceiling == null ? current.ceiling() : ceiling;
        return new AimdSettings(newFloor, newCeiling, Math.min(Math.max(current.initial(), newFloor), newCeiling),
                additiveStep == null ? current.additiveStep() : additiveStep,
                decreaseFactor == null ? current.decreaseFactor() : decreaseFactor,
                current.minDecreaseInterval(), current.minIncreaseInterval());
    }
}
