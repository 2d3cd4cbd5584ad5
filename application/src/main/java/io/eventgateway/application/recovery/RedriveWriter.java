package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.StoredLocation;
import java.util.concurrent.CompletableFuture;

/**
 * Writes records back to the lane topics of the primary cluster. The future completes only once the cluster acked
 * the write ({@code acks=all}), and fails on any error or when the adapter gives up; it never blocks the caller.
 */
public interface RedriveWriter {

    CompletableFuture<StoredLocation> write(RedriveItem item);
}
