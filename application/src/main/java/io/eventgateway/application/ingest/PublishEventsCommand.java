package io.eventgateway.application.ingest;

import io.eventgateway.domain.ingest.IngestEvent;
import java.util.List;

/**
 * A batch of events from one producer request.
 *
 * @param requestBytes the request's size on the wire, counted against the in-flight limit
 */
public record PublishEventsCommand(List<IngestEvent> events, long requestBytes) {

    public PublishEventsCommand {
        events = List.copyOf(events);
        if (requestBytes < 0) {
            throw new IllegalArgumentException("requestBytes must be >= 0, was " + requestBytes);
        }
    }
}
