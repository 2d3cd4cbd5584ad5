package io.eventgateway.application.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The last link of the fallback chain: one S3 object per failed batch. The future completes once the object is
 * written in full; every write of the batch is then stored at the returned location.
 */
public interface SpoolStore {

    CompletableFuture<StoredLocation> writeBatch(List<LaneWrite> writes);
}
