package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.domain.priority.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Objects;

/**
 * The topics each lane consumer reads: one per fresh-event lane and offload, and every retry level
 * ({@code retry.1 … retry.L}) for the retry lane.
 *
 * @param retryLevels the retry policy's number of levels, the same {@code topics apply} created
 */
public record LaneTopics(TopicNames names, int retryLevels) {

    public LaneTopics {
        Objects.requireNonNull(names, "names");
        if (retryLevels < 1) {
            throw new IllegalArgumentException("retryLevels must be >= 1, was " + retryLevels);
        }
    }

    /** The topics of {@code lane}, retry levels ascending. */
    public List<String> of(Lane lane) {
        if (lane != Lane.RETRY) {
            return List.of(names.lane(lane));
        }
        List<String> levels = new ArrayList<>(retryLevels);
        for (int level = 1; level <= retryLevels; level++) {
            levels.add(names.retry(level));
        }
        return List.copyOf(levels);
    }

    /** Every lane topic, lane by lane. */
    /** The retry level of {@code topic}, or empty when it is not one of these retry topics. */
    public OptionalInt retryLevelOf(String topic) {
        for (int level = 1; level <= retryLevels; level++) {
            if (names.retry(level).equals(topic)) {
                return OptionalInt.of(level);
            }
        }
        return OptionalInt.empty();
    }

    public List<String> all() {
        List<String> topics = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            topics.addAll(of(lane));
        }
        return List.copyOf(topics);
    }

    public String response() {
        return names.response();
    }
}
