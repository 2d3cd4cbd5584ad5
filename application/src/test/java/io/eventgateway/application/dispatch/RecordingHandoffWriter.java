package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.task.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records hand-off writes; acks them at once, or holds them for the test to complete or fail. */
final class RecordingHandoffWriter implements HandoffWriter {

    /** One write as the service asked for it, with the future the service waits on. */
    record Write(Handoff handoff, CompletableFuture<Void> result) {

        EventRecord record() {
            return handoff.record();
        }

        SourcePosition source() {
            return handoff.source();
        }

        HandoffTarget target() {
            return handoff.target();
        }

        /** The dead-letter target; fails the test when the write went elsewhere. */
        HandoffTarget.DeadLetter deadLetter() {
            if (handoff.target() instanceof HandoffTarget.DeadLetter deadLetter) {
                return deadLetter;
            }
            throw new AssertionError("expected a dead-letter write, was " + handoff.target());
        }

        String reason() {
            return deadLetter().reason();
        }

        int deliveries() {
            return deadLetter().deliveries();
        }
    }

    private final List<Write> writes = new ArrayList<>();
    private boolean holdWrites;

    /** From now on writes stay pending until the test completes them. */
    void holdWrites() {
        holdWrites = true;
    }

    @Override
    public synchronized CompletableFuture<Void> write(Handoff handoff) {
        CompletableFuture<Void> result = holdWrites ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        writes.add(new Write(handoff, result));
        return result;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized Write last() {
        return writes.get(writes.size() - 1);
    }
}
