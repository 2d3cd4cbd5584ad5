package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.task.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records dead-letter writes; acks them at once, or holds them for the test to complete or fail. */
final class RecordingDeadLetterWriter implements DeadLetterWriter {

    /** One write as the service asked for it, with the future the service waits on. */
    record Write(EventRecord record, SourcePosition source, String reason, int deliveries,
            CompletableFuture<Void> result) {
    }

    private final List<Write> writes = new ArrayList<>();
    private boolean holdWrites;

    /** From now on writes stay pending until the test completes them. */
    void holdWrites() {
        holdWrites = true;
    }

    @Override
    public synchronized CompletableFuture<Void> write(EventRecord record, SourcePosition source, String reason,
            int deliveries) {
        CompletableFuture<Void> result = holdWrites ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        writes.add(new Write(record, source, reason, deliveries, result));
        return result;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized Write last() {
        return writes.get(writes.size() - 1);
    }
}
