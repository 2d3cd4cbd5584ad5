package io.eventgateway.adapters.kafka.topics;

import java.util.List;
import java.util.Objects;

/**
 * What apply did to one topic.
 *
 * @param configChanges owned configs that differed: set (or, in a dry run, to be set) to the planned values
 * @param notes         harmless differences from the plan, e.g. more partitions than planned
 */
public record TopicApplyResult(String topic, TopicOutcome outcome, List<ConfigChange> configChanges,
                               List<String> notes) {

    public TopicApplyResult {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(outcome, "outcome");
        configChanges = List.copyOf(configChanges);
        notes = List.copyOf(notes);
    }
}
