package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lane writes for spool tests: varied fields, so a round trip that drops or swaps one shows. */
final class SpoolRecords {

    static final Instant INGESTED_AT = Instant.parse("2026-11-22T10:15:30.123456789Z");

    private SpoolRecords() {
    }

    static LaneWrite write(int n) {
        Priority priority = Priority.values()[n % Priority.values().length];
        EventRecord record = new EventRecord("evt-" + n, "tenant-" + (n % 7), "source", "type." + (n % 3),
                n % 2 == 0 ? "group-" + n : null,
                Payload.wrap(("payload " + n).getBytes(StandardCharsets.UTF_8)),
                Map.of("index", Integer.toString(n)), priority, INGESTED_AT.plusMillis(n),
                INGESTED_AT.plus(Duration.ofSeconds(5 + n)), n % 4, n % 2,
                n % 3 == 0 ? INGESTED_AT.plusSeconds(60) : null, n % 5 == 0 ? "timeout" : null);
        Lane lane = n % 10 == 9 ? Lane.OFFLOAD : Lane.of(priority);
        return new LaneWrite(record, lane);
    }

    static List<LaneWrite> writes(int count) {
        List<LaneWrite> writes = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            writes.add(write(n));
        }
        return writes;
    }

    static LaneWrite withPayload(byte[] payload) {
        LaneWrite base = write(1);
        EventRecord record = base.record();
        return new LaneWrite(new EventRecord(record.eventId(), record.companyId(), record.sourceName(),
                record.eventType(), record.groupKey(), Payload.wrap(payload), record.attributes(), record.priority(),
                record.ingestedAt(), record.sloDeadline(), record.attempt(), record.offloads(), record.delayUntil(),
                record.lastError()), base.lane());
    }
}
