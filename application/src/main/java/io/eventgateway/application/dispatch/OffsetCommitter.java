package io.eventgateway.application.dispatch;

import io.eventgateway.domain.offset.OffsetCommit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Commits source positions for the orchestrators' group. The Kafka adapter commits through the replica's
 * transactional producer, so a second process with the same replica index fences this one: the future then fails
 * with {@link ReplicaFencedException} and the replica must stop serving.
 */
public interface OffsetCommitter {

    CompletableFuture<Void> commit(Map<SourcePartition, OffsetCommit> positions);
}
