package io.eventgateway.adapters.kafka.topics;

import io.eventgateway.domain.priority.Lane;
import java.util.Optional;

/**
 * Every topic name the gateway uses, under one configurable prefix (default {@code eg.}): lane topics
 * {@code eg.p30 eg.p20 eg.p10 eg.offload}, retry levels {@code eg.retry.1 … eg.retry.N}, {@code eg.dlq},
 * {@code eg.response}, {@code eg.flow-control}, {@code eg.failed-writes} (alternate cluster) and
 * {@code eg.dlq-redrive} (markers of redriven DLQ offsets).
 */
public record TopicNames(String prefix) {

    public static final String DEFAULT_PREFIX = "eg.";

    public TopicNames {
        if (prefix == null) {
            throw new IllegalArgumentException("topic prefix must not be null (use \"\" for none)");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
                throw new IllegalArgumentException("topic prefix '" + prefix + "' has an illegal character '" + c
                        + "' (allowed: ASCII letters, digits, '.', '_', '-')");
            }
        }
    }

    public static TopicNames defaults() {
        return new TopicNames(DEFAULT_PREFIX);
    }

    /** The topic of a fresh-event lane; the retry lane has one topic per level, see {@link #retry(int)}. */
    public String lane(Lane lane) {
        if (lane == Lane.RETRY) {
            throw new IllegalArgumentException("the retry lane has one topic per level: use retry(level)");
        }
        return prefix + lane.shortName();
    }

    public String retry(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("retry level must be >= 1, was " + level);
        }
        return prefix + "retry." + level;
    }

    public String dlq() {
        return prefix + "dlq";
    }

    public String response() {
        return prefix + "response";
    }

    public String flowControl() {
        return prefix + "flow-control";
    }

    public String failedWrites() {
        return prefix + "failed-writes";
    }

    public String dlqRedriveMarkers() {
        return prefix + "dlq-redrive";
    }

    /** The lane a topic of this naming belongs to, if it is a lane or retry topic. */
    public Optional<Lane> laneOf(String topic) {
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        if (rest.startsWith("retry.")) {
            return Optional.of(Lane.RETRY);
        }
        for (Lane lane : Lane.values()) {
            if (lane != Lane.RETRY && lane.shortName().equals(rest)) {
                return Optional.of(lane);
            }
        }
        return Optional.empty();
    }
}
