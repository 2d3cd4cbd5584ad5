package io.eventgateway.domain.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Map;

/** Builds queued tasks for tests: one topic, offsets as identities, explicit instants. */
public final class TestTasks {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final String TOPIC = "eg.p10";

    private TestTasks() {
    }

    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** A task from {@code TOPIC} partition 0 at {@code offset}, due {@code deadlineMillis} after {@link #T0}. */
    public static QueuedTask task(long offset, String tenant, String key, Priority priority, long deadlineMillis) {
        return task(offset, tenant, key, priority, deadlineMillis, 0);
    }

    /** As {@link #task(long, String, String, Priority, long)} with a payload of {@code payloadBytes}. */
    public static QueuedTask task(long offset, String tenant, String key, Priority priority, long deadlineMillis,
            int payloadBytes) {
        EventRecord event = new EventRecord("e-" + offset, tenant, "test", "test.event", key,
                Payload.wrap(new byte[payloadBytes]), Map.of(), priority, T0, at(deadlineMillis), 0, 0, null, null);
        return QueuedTask.fresh(new SourcePosition(TOPIC, 0, offset), event);
    }

    public static QueuedTask task(long offset, String tenant, long deadlineMillis) {
        return task(offset, tenant, "k-" + offset, Priority.P20, deadlineMillis);
    }
}
