package io.eventgateway.application.dispatch;

import java.util.concurrent.CompletableFuture;

/**
 * Writes handed-off records. The dispatch service marks a record's source offset done only after the future completes
 * normally; a failed write is tried again later, so nothing is dropped.
 *
 * <p>The Kafka adapter writes inside the replica's commit transaction: the future completes once the record is
 * written in the open transaction, and every later commit that covers the source offset carries the record (again,
 * if an earlier transaction aborted), so a hand-off and its source offset commit atomically.
 */
public interface HandoffWriter {

    CompletableFuture<Void> write(Handoff handoff);
}
