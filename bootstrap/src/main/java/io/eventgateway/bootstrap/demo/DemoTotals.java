package io.eventgateway.bootstrap.demo;

import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.priority.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo load offered and what the publisher answered, per priority: offered (by the priority asked for),
 * stored (by the priority applied) and where, rejected, unavailable, refused. Thread-safe.
 */
final class DemoTotals {

    private final Map<Priority, LongAdder> offered = adders();
    private final Map<Priority, LongAdder> stored = adders();
    private final Map<Priority, LongAdder> fallbackWrites = adders();
    private final Map<StoredLocation.Kind, LongAdder> byTarget = new EnumMap<>(StoredLocation.Kind.class);
    private final LongAdder rejected = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder refused = new LongAdder();

    DemoTotals() {
        for (StoredLocation.Kind kind : StoredLocation.Kind.values()) {
            byTarget.put(kind, new LongAdder());
        }
    }

    private static Map<Priority, LongAdder> adders() {
        Map<Priority, LongAdder> adders = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            adders.put(priority, new LongAdder());
        }
        return adders;
    }

    void onOffered(Priority asked) {
        offered.get(asked).increment();
    }

    void onStored(Priority applied, StoredLocation.Kind where) {
        stored.get(applied).increment();
        byTarget.get(where).increment();
        if (where != StoredLocation.Kind.PRIMARY) {
            fallbackWrites.get(applied).increment();
        }
    }

    void onRejected() {
        rejected.increment();
    }

    void onUnavailable() {
        unavailable.increment();
    }

    void onRefused(int events) {
        refused.add(events);
    }

    long offered(Priority priority) {
        return offered.get(priority).sum();
    }

    long offered() {
        return offered.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long stored() {
        return stored.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long storedIn(StoredLocation.Kind where) {
        return byTarget.get(where).sum();
    }

    long fallbackWrites(Priority priority) {
        return fallbackWrites.get(priority).sum();
    }

    long rejected() {
        return rejected.sum();
    }

    long unavailable() {
        return unavailable.sum();
    }

    long refused() {
        return refused.sum();
    }
}
