package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.domain.replica.ReplicaIdentity;

/** Which replica this process is: the configured index, else the StatefulSet hostname's ordinal, else 0. */
final class ReplicaIndexes {

    private ReplicaIndexes() {
    }

    /**
     * @param configured {@code eventgateway.orchestrator.index} (from {@code --index}), or {@code null}
     * @param hostname   the {@code HOSTNAME} environment variable, or {@code null}
     * @throws IllegalArgumentException when the index is out of range for {@code replicas}
     */
    static ReplicaIdentity resolve(Integer configured, String hostname, int replicas) {
        if (configured != null) {
            return new ReplicaIdentity(configured, replicas);
        }
        if (hostname != null && !hostname.isBlank() && hasOrdinal(hostname)) {
            return ReplicaIdentity.fromHostname(hostname, replicas);
        }
        return new ReplicaIdentity(0, replicas);
    }

    /** A laptop's hostname has no ordinal; that means replica 0, not a startup failure. */
    private static boolean hasOrdinal(String hostname) {
        String label = hostname.strip();
        int dot = label.indexOf('.');
        if (dot >= 0) {
            label = label.substring(0, dot);
        }
        int dash = label.lastIndexOf('-');
        String ordinal = label.substring(dash + 1);
        return dash >= 0 && !ordinal.isEmpty() && ordinal.length() < 10
                && ordinal.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
