package io.eventgateway.adapters.kafka.topics;

import java.util.Map;
import java.util.Objects;

/**
 * A topic as the cluster describes it: partitions, the replication factor (of its least-replicated partition) and
 * its effective configs.
 */
record ObservedTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    ObservedTopic {
        Objects.requireNonNull(name, "name");
        configs = Map.copyOf(configs);
    }
}
