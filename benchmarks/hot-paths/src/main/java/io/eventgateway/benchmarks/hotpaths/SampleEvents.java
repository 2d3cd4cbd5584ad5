package io.eventgateway.benchmarks.hotpaths;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Events shaped like the load generator's: a UUID id, one of 50 tenants, no group key (so every event is its own
 * key, the widest fan-out the fairness trees see), a P30/P20/P10 mix of 5/15/80 and a random 300-byte payload.
 */
final class SampleEvents {

    static final int PAYLOAD_BYTES = 300;
    static final int TENANTS = 50;
    /** Every instant a whole millisecond, so a codec round trip is exact. */
    static final Instant INGESTED_AT = Instant.parse("2026-11-23T12:00:00Z");

    private SampleEvents() {
    }

    static EventRecord[] generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventRecord[] events = new EventRecord[count];
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[PAYLOAD_BYTES];
            random.nextBytes(payload);
            Priority priority = pick(random.nextInt(100));
            events[i] = new EventRecord(new UUID(random.nextLong(), random.nextLong()).toString(),
                    "tenant-" + random.nextInt(TENANTS), "loadgen", "load.test", null, Payload.wrap(payload), null,
                    priority, INGESTED_AT, INGESTED_AT.plus(slo(priority)), 0, 0, null, null);
        }
        return events;
    }

    private static Priority pick(int roll) {
        if (roll < 5) {
            return Priority.P30;
        }
        return roll < 20 ? Priority.P20 : Priority.P10;
    }

    private static Duration slo(Priority priority) {
        return switch (priority) {
            case P30 -> Duration.ofSeconds(5);
            case P20 -> Duration.ofMinutes(1);
            case P10 -> Duration.ofMinutes(20);
        };
    }
}
