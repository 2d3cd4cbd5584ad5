package io.eventgateway.domain.priority;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Service-level objectives per priority: the time from ingest to processor start, and the floor, the least
 * lead time a producer may ask for, so bulk traffic cannot jump the queue by claiming {@code deadline = now}.
 *
 * <p>Invariant: for every priority {@code 0 <= floor <= slo}.
 */
public record SloPolicy(Map<Priority, Duration> slo, Map<Priority, Duration> floor) {

    /** The design's defaults: P30 5 s, P20 1 min, P10 20 min; floors 0.5 s, 5 s, 1 min. */
    public static SloPolicy defaults() {
        return new SloPolicy(
                Map.of(Priority.P30, Duration.ofSeconds(5), Priority.P20, Duration.ofMinutes(1),
                        Priority.P10, Duration.ofMinutes(20)),
                Map.of(Priority.P30, Duration.ofMillis(500), Priority.P20, Duration.ofSeconds(5),
                        Priority.P10, Duration.ofMinutes(1)));
    }

    public SloPolicy {
        slo = complete(slo, "slo");
        floor = complete(floor, "floor");
        for (Priority priority : Priority.values()) {
            Duration limit = slo.get(priority);
            Duration least = floor.get(priority);
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("slo of " + priority + " must be positive, was " + limit);
            }
            if (least.isNegative() || least.compareTo(limit) > 0) {
                throw new IllegalArgumentException(
                        "floor of " + priority + " must be within [0, slo=" + limit + "], was " + least);
            }
        }
    }

    private static Map<Priority, Duration> complete(Map<Priority, Duration> values, String name) {
        Objects.requireNonNull(values, name);
        EnumMap<Priority, Duration> copy = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            Duration value = values.get(priority);
            if (value == null) {
                throw new IllegalArgumentException(name + " is missing priority " + priority);
            }
            copy.put(priority, value);
        }
        return Map.copyOf(copy);
    }

    public Duration sloOf(Priority priority) {
        return slo.get(priority);
    }

    public Duration floorOf(Priority priority) {
        return floor.get(priority);
    }

    /** {@code ingestedAt + SLO(priority)}: the deadline of an event whose producer did not ask for one. */
    public Instant defaultDeadline(Priority priority, Instant ingestedAt) {
        return ingestedAt.plus(slo.get(priority));
    }

    /** The earliest deadline a producer may ask for: {@code ingestedAt + floor(priority)}. */
    public Instant earliestAllowedDeadline(Priority priority, Instant ingestedAt) {
        return ingestedAt.plus(floor.get(priority));
    }
}
