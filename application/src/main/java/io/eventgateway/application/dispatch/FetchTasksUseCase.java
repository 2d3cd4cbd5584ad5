package io.eventgateway.application.dispatch;

import java.util.concurrent.CompletableFuture;

/**
 * Leases a batch in deadline order, waiting up to the command's wait for work. A non-empty batch always holds at
 * least one task, even one larger than {@code maxBytes}. Never blocks the caller: the future completes when work
 * arrives or the wait ends (with an empty grant).
 */
public interface FetchTasksUseCase {

    CompletableFuture<LeaseGrant> fetch(FetchTasksCommand command);
}
