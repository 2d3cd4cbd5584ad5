package io.eventgateway.bootstrap.loadgen;

import io.eventgateway.protocol.v1.Priority;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Shares of each priority in a generated load, e.g. {@code P30=5,P20=15,P10=80}. */
public record PriorityMix(Map<Priority, Integer> weights) {

    public PriorityMix {
        weights = Map.copyOf(weights);
        if (weights.isEmpty() || weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("a priority mix needs at least one positive weight");
        }
    }

    public static PriorityMix parse(String text) {
        Map<Priority, Integer> weights = new EnumMap<>(Priority.class);
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("'" + part + "' is not PRIORITY=WEIGHT (e.g. P10=80)");
            }
            Priority priority;
            try {
                priority = Priority.valueOf(pair[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + pair[0].trim() + "' is not P10, P20 or P30", e);
            }
            if (priority == Priority.PRIORITY_UNSPECIFIED || priority == Priority.UNRECOGNIZED) {
                throw new IllegalArgumentException("'" + pair[0].trim() + "' is not P10, P20 or P30");
            }
            int weight;
            try {
                weight = Integer.parseInt(pair[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight '" + pair[1].trim() + "' is not a whole number", e);
            }
            if (weight < 0) {
                throw new IllegalArgumentException("weight of " + priority + " must be >= 0, was " + weight);
            }
            weights.put(priority, weight);
        }
        return new PriorityMix(weights);
    }

    public Priority pick(RandomGenerator random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<Priority, Integer> entry : new EnumMap<>(weights).entrySet()) {
            roll -= entry.getValue();
            if (roll < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }
}
