package io.eventgateway.application.ingest;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import java.util.Objects;

/** One record bound for one lane: what every store in the fallback chain is asked to keep. */
public record LaneWrite(EventRecord record, Lane lane) {

    public LaneWrite {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lane, "lane");
    }
}
