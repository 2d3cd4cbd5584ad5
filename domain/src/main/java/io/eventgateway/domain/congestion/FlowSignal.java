package io.eventgateway.domain.congestion;

import java.time.Instant;
import java.util.Objects;

/** One replica's published P10 congestion state, keyed by replica on the compacted flow-control topic. */
public record FlowSignal(int replicaIndex, CongestionState state, Instant publishedAt) {

    public FlowSignal {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must be >= 0, was " + replicaIndex);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
