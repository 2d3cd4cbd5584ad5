package io.eventgateway.application.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * The second link of the fallback chain: the alternate cluster's failed-writes topic, which keeps the lane,
 * priority and deadline in the record so recovery can re-drive it unchanged.
 */
public interface FailedWriteStore {

    CompletableFuture<StoredLocation> write(LaneWrite write);
}
