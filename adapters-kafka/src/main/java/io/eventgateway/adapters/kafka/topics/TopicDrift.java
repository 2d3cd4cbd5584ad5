package io.eventgateway.adapters.kafka.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an existing topic differs from its plan, and what apply makes of that. Pure: {@link KafkaTopicAdmin} observes
 * the cluster, this decides, the admin acts.
 *
 * <ul>
 *   <li>Configs the plan owns and the cluster has otherwise are fixable: they are set to the planned values.</li>
 *   <li>Fewer partitions than planned are not: adding partitions changes which partition a key hashes to, so a key's
 *       new records would overtake its old ones (per-key order) and a producer's retry of an event could land where
 *       the orchestrator's per-partition dedup window never sees the first copy.</li>
 *   <li>A lower replication factor is not: raising it needs a partition reassignment.</li>
 *   <li>More partitions or replicas than planned are fine and only noted.</li>
 * </ul>
 *
 * @param configChanges the owned configs to set, sorted by key
 * @param unfixable     differences apply must leave to an operator
 * @param notes         harmless differences worth showing
 */
record TopicDrift(List<ConfigChange> configChanges, List<String> unfixable, List<String> notes) {

    TopicDrift {
        configChanges = List.copyOf(configChanges);
        unfixable = List.copyOf(unfixable);
        notes = List.copyOf(notes);
    }

    static TopicDrift between(TopicSpec planned, ObservedTopic actual) {
        List<String> unfixable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (actual.partitions() < planned.partitions()) {
            unfixable.add("has " + actual.partitions() + " partitions, fewer than the " + planned.partitions()
                    + " planned; not fixed: adding partitions moves keys to other partitions, which breaks per-key "
                    + "order and the per-partition dedup window (plan " + actual.partitions()
                    + " partitions, or recreate the topic while it is empty)");
        } else if (actual.partitions() > planned.partitions()) {
            notes.add("has " + actual.partitions() + " partitions, more than the " + planned.partitions()
                    + " planned: fine, every partition is consumed");
        }
        if (actual.replicationFactor() < planned.replicationFactor()) {
            unfixable.add("has replication factor " + actual.replicationFactor() + ", lower than the "
                    + planned.replicationFactor() + " planned; not fixed: raising it needs a partition reassignment");
        } else if (actual.replicationFactor() > planned.replicationFactor()) {
            notes.add("has replication factor " + actual.replicationFactor() + ", more than the "
                    + planned.replicationFactor() + " planned: fine");
        }
        List<ConfigChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> owned : new TreeMap<>(planned.configs()).entrySet()) {
            String current = actual.configs().get(owned.getKey());
            if (!owned.getValue().equals(current)) {
                changes.add(new ConfigChange(owned.getKey(), current, owned.getValue()));
            }
        }
        return new TopicDrift(changes, unfixable, notes);
    }

    /** The outcome for the topic once the config changes are applied (or, in a dry run, would be). */
    TopicOutcome outcome(boolean dryRun) {
        if (!unfixable.isEmpty()) {
            return new TopicOutcome.Drift(String.join("; ", unfixable));
        }
        if (configChanges.isEmpty()) {
            return new TopicOutcome.Unchanged();
        }
        return dryRun ? new TopicOutcome.WouldUpdate() : new TopicOutcome.Updated();
    }
}
