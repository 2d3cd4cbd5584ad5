package io.eventgateway.application.dispatch;

import java.time.Duration;
import java.util.List;

/** What a processor may do with a lease besides answering its tasks. */
public interface LeaseControlUseCase {

    /** Extends a lease by {@code by}, at most to the configured total lease time. */
    ExtendOutcome extend(String leaseId, Duration by);

    /** Hands tasks back without counting a delivery; returns how many were released. */
    int release(List<String> taskIds);

    /** The extension applied: the remaining TTL (relative) and whether the total cap cut it short. */
    record ExtendOutcome(Status status, Duration remaining, boolean capped) {

        /** Whether the lease could be extended. */
        public enum Status { EXTENDED, EXPIRED, UNKNOWN }
    }
}
