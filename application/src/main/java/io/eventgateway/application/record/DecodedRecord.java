package io.eventgateway.application.record;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import java.util.Objects;

/** A stored record read back: the event and the lane it belongs to. */
public record DecodedRecord(EventRecord record, Lane lane) {

    public DecodedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lane, "lane");
    }
}
