package io.eventgateway.application.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * Writes records to their lane topics on one Kafka cluster (primary or rollout). The future completes only once the
 * cluster acknowledged the write ({@code acks=all}); it fails on any error or when the adapter gives up, which it
 * must do within its configured delivery timeout so a write abandoned here cannot land later unseen.
 */
public interface LaneTopicWriter {

    CompletableFuture<StoredLocation> write(LaneWrite write);
}
