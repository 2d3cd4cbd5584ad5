package io.eventgateway.domain.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A batch leased to one processor. The processor sees {@code ttl} (relative, so clock skew between hosts does not
 * matter); the table expires the lease at {@code expiresAt} on its own clock.
 */
public record Lease(LeaseId id, String processorId, Instant leasedAt, Duration ttl, Instant expiresAt,
        List<LeasedTask> tasks) {

    public Lease {
        Objects.requireNonNull(id, "id");
        if (processorId == null || processorId.isEmpty()) {
            throw new IllegalArgumentException("processorId must not be empty");
        }
        Objects.requireNonNull(leasedAt, "leasedAt");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a lease holds at least one task");
        }
    }
}
