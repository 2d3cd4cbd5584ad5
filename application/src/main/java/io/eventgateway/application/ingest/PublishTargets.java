package io.eventgateway.application.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * The stores of the fallback chain. Only the primary is required; a missing link is skipped (an event that
 * reaches the end of the chain unstored is reported unavailable).
 */
public record PublishTargets(
        LaneTopicWriter primary,
        Optional<LaneTopicWriter> rollout,
        Optional<FailedWriteStore> alternate,
        Optional<SpoolStore> spool) {

    public PublishTargets {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(alternate, "alternate");
        Objects.requireNonNull(spool, "spool");
    }
}
