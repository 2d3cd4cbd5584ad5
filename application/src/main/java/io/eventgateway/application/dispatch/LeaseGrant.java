package io.eventgateway.application.dispatch;

import java.time.Duration;
import java.util.List;

/**
 * The answer to a fetch: a lease over a batch, or an empty grant (no lease id) when no work came within the wait.
 *
 * @param leaseId  the lease's stable string form, {@code null} when {@code tasks} is empty
 * @param ttl      relative, so clock skew between hosts does not matter
 */
public record LeaseGrant(String leaseId, Duration ttl, int replicaIndex, List<GrantedTask> tasks) {

    public LeaseGrant {
        tasks = List.copyOf(tasks);
    }

    public static LeaseGrant empty(int replicaIndex) {
        return new LeaseGrant(null, Duration.ZERO, replicaIndex, List.of());
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }
}
