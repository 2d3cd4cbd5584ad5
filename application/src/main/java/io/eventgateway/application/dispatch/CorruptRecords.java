package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.util.Map;

/**
 * Stand-ins for polled bytes that do not decode. The dead-letter writer takes an event, so the undecodable bytes
 * travel as the payload of one, named after where they were read: nothing is dropped, and an operator can inspect
 * them in the DLQ.
 */
final class CorruptRecords {

    static final String TENANT = "unknown";
    static final String SOURCE = "event-gateway";
    static final String EVENT_TYPE = "eg.corrupt-record";

    private CorruptRecords() {
    }

    static EventRecord standIn(PolledRecord polled, Lane lane) {
        SourcePosition source = polled.source();
        String id = "corrupt-" + source.topic() + "-" + source.partition() + "-" + source.offset();
        // The polled array is never written to, so the payload may own it.
        return new EventRecord(id, TENANT, SOURCE, EVENT_TYPE, null, Payload.wrap(polled.value()), Map.of(),
                priorityOf(lane), polled.appendedAt(), polled.appendedAt(), 0, 0, null, null);
    }

    /** Fresh lanes carry their own priority; shed and retried work is background work until it is read. */
    private static Priority priorityOf(Lane lane) {
        return switch (lane) {
            case P30 -> Priority.P30;
            case P20 -> Priority.P20;
            case P10, OFFLOAD, RETRY -> Priority.P10;
        };
    }
}
