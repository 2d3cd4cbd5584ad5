package io.eventgateway.application.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * Validates, classifies, admits and stores a batch of events, answering each on its own. An event is reported
 * {@link EventReceipt.Stored} only once a store acknowledged it.
 */
public interface PublishEventsUseCase {

    /**
     * @throws RequestRefusedException synchronously, when the whole request is refused (too large, or the gateway
     *                                 is at its in-flight limit); nothing of it was stored
     */
    CompletableFuture<PublishEventsResult> publish(PublishEventsCommand command);
}
