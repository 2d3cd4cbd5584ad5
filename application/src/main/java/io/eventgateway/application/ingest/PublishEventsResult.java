package io.eventgateway.application.ingest;

import java.util.List;

/** One receipt per event, in the order of the command's events. */
public record PublishEventsResult(List<EventReceipt> receipts) {

    public PublishEventsResult {
        receipts = List.copyOf(receipts);
    }
}
