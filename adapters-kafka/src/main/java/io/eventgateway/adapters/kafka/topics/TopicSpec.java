package io.eventgateway.adapters.kafka.topics;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic as planned: its name, partitions, replication, the topic configs the gateway owns, and the cluster it
 * lives on. Configs not listed here are left to the cluster's defaults and to operators.
 */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> configs,
                        Cluster cluster) {

    /** Kafka's own rule for topic names. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public TopicSpec {
        if (name == null || !LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "topic name must be 1..249 characters of [a-zA-Z0-9._-] and not '.' or '..', was " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions of " + name + " must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replicationFactor of " + name + " must be in 1.." + Short.MAX_VALUE
                    + ", was " + replicationFactor);
        }
        configs = Map.copyOf(Objects.requireNonNull(configs, "configs"));
        Objects.requireNonNull(cluster, "cluster");
    }
}
