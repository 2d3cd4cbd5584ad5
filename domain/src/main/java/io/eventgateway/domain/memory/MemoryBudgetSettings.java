package io.eventgateway.domain.memory;

import io.eventgateway.domain.priority.Lane;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The memory budget of one orchestrator replica.
 *
 * @param totalBytes         bytes all lanes together may hold
 * @param thresholdFraction  per lane, in (0, 1]: the lane pauses when total usage reaches this share of
 *                           {@code totalBytes}. Lower thresholds pause first, so the least urgent lanes yield
 *                           memory to the most urgent.
 * @param hysteresisFraction a paused lane resumes only below {@code threshold − hysteresis}, so a lane near its
 *                           threshold does not flap; below every threshold, or no lane could ever resume
 */
public record MemoryBudgetSettings(long totalBytes, Map<Lane, Double> thresholdFraction, double hysteresisFraction) {

    /** 256 MiB; P30 80 %, retry 70 %, P20 50 %, offload 30 %, P10 20 %; hysteresis 5 %. */
    public static MemoryBudgetSettings defaults() {
        return new MemoryBudgetSettings(256L * 1024 * 1024, Map.of(
                Lane.P30, 0.80, Lane.RETRY, 0.70, Lane.P20, 0.50, Lane.OFFLOAD, 0.30, Lane.P10, 0.20), 0.05);
    }

    public MemoryBudgetSettings {
        if (totalBytes < 1) {
            throw new IllegalArgumentException("totalBytes must be >= 1, was " + totalBytes);
        }
        Objects.requireNonNull(thresholdFraction, "thresholdFraction");
        EnumMap<Lane, Double> copy = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            Double fraction = thresholdFraction.get(lane);
            if (fraction == null || !(fraction > 0.0 && fraction <= 1.0)) {
                throw new IllegalArgumentException(
                        "thresholdFraction of " + lane + " must be in (0, 1], was " + fraction);
            }
            copy.put(lane, fraction);
        }
        thresholdFraction = Map.copyOf(copy);
        double lowest = copy.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (!(hysteresisFraction >= 0.0 && hysteresisFraction < lowest)) {
            throw new IllegalArgumentException("hysteresisFraction must be in [0, lowest threshold=" + lowest
                    + "), was " + hysteresisFraction);
        }
    }

    /** The same fractions over another total. */
    public MemoryBudgetSettings withTotalBytes(long newTotalBytes) {
        return new MemoryBudgetSettings(newTotalBytes, thresholdFraction, hysteresisFraction);
    }

    /**
     * Total usage, in bytes, at which {@code lane} pauses. Rounded to whole bytes, so binary fractions such as
     * {@code 0.2 - 0.05 = 0.15000000000000002} do not move a limit by a fraction of a byte.
     */
    public long pauseAtBytes(Lane lane) {
        return Math.round(thresholdFraction.get(lane) * totalBytes);
    }

    /** Total usage, in bytes, below which a paused {@code lane} resumes; at most {@link #pauseAtBytes}. */
    public long resumeBelowBytes(Lane lane) {
        return Math.round((thresholdFraction.get(lane) - hysteresisFraction) * totalBytes);
    }
}
