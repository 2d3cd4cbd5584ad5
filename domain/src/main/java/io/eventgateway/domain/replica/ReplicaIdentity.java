package io.eventgateway.domain.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which orchestrator replica this is: index {@code i} of {@code N}. Replica {@code i} owns partition {@code p} of
 * every lane topic when {@code p mod N == i}, and partition {@code i} of the response topic, so across the
 * replicas every partition has exactly one owner. Bad combinations fail at startup, not as silently unread
 * partitions later.
 */
public record ReplicaIdentity(int index, int replicas) {

    public ReplicaIdentity {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, was " + replicas);
        }
        if (index < 0 || index >= replicas) {
            throw new IllegalArgumentException("replica index " + index + " is out of range for " + replicas
                    + " replicas (valid: 0.." + (replicas - 1) + ")");
        }
    }

    /**
     * The identity of a StatefulSet pod from its hostname: the ordinal after the last {@code '-'} of the first
     * DNS label ({@code gateway-orchestrator-3} or {@code gateway-orchestrator-3.gateway.ns.svc} → 3).
     */
    public static ReplicaIdentity fromHostname(String hostname, int replicas) {
        if (hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("hostname must not be blank");
        }
        String label = hostname.strip();
        int dot = label.indexOf('.');
        if (dot >= 0) {
            label = label.substring(0, dot);
        }
        int dash = label.lastIndexOf('-');
        String ordinal = label.substring(dash + 1);
        if (dash < 0 || ordinal.isEmpty() || !ordinal.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("hostname '" + hostname + "' has no StatefulSet ordinal (expected "
                    + "'<name>-<index>', e.g. gateway-orchestrator-0); set the replica index explicitly");
        }
        try {
            return new ReplicaIdentity(Integer.parseInt(ordinal), replicas);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hostname '" + hostname + "' has an ordinal too large: " + ordinal, e);
        }
    }

    public boolean owns(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
        return partition % replicas == index;
    }

    /** The partitions this replica owns in a topic of {@code partitionCount} partitions, ascending. */
    public List<Integer> ownedPartitions(int partitionCount) {
        if (partitionCount < 0) {
            throw new IllegalArgumentException("partitionCount must be >= 0, was " + partitionCount);
        }
        List<Integer> owned = new ArrayList<>();
        for (int partition = index; partition < partitionCount; partition += replicas) {
            owned.add(partition);
        }
        return List.copyOf(owned);
    }

    /** The response partition this replica reads: its index. */
    public int responsePartition() {
        return index;
    }

    /**
     * Problems with the topic layout for {@code replicas} replicas, empty when there is none: a lane topic with
     * fewer partitions than replicas leaves some replica idle on it, and a response topic with fewer partitions
     * than replicas leaves some replica without responses (its leases could only expire).
     *
     * @param lanePartitionsByTopic partition count of every lane topic, by topic name
     */
    public List<String> validateTopology(Map<String, Integer> lanePartitionsByTopic, int responsePartitions) {
        Objects.requireNonNull(lanePartitionsByTopic, "lanePartitionsByTopic");
        List<String> problems = new ArrayList<>();
        // Sorted, so the message is the same on every replica and every run.
        new TreeMap<>(lanePartitionsByTopic).forEach((topic, partitions) -> {
            if (partitions == null || partitions < replicas) {
                problems.add("lane topic " + topic + " has " + partitions + " partitions, fewer than the "
                        + replicas + " replicas");
            }
        });
        if (responsePartitions < replicas) {
            problems.add("response topic has " + responsePartitions + " partitions, fewer than the " + replicas
                    + " replicas (replica i reads partition i)");
        }
        return List.copyOf(problems);
    }

    /** {@link #validateTopology}, failing with every problem in one message when there is any. */
    public void requireValidTopology(Map<String, Integer> lanePartitionsByTopic, int responsePartitions) {
        List<String> problems = validateTopology(lanePartitionsByTopic, responsePartitions);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("topic layout does not fit " + replicas + " replicas: "
                    + String.join("; ", problems));
        }
    }
}
