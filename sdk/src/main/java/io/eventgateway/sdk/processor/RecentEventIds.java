package io.eventgateway.sdk.processor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used set of event ids this process ACKed. Best effort only: it forgets the oldest ids,
 * knows nothing of other processes, and is empty after a restart; it saves re-running a handler on a redelivery that
 * raced a late ACK, it does not make processing exactly-once.
 */
final class RecentEventIds {

    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String eventId) {
        return ids.get(eventId) != null;
    }

    synchronized void remember(String eventId) {
        ids.put(eventId, Boolean.TRUE);
    }
}
