package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.ProcessorResponse;
import io.eventgateway.application.dispatch.ResponsesSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A responses sink that records every hand-over. */
final class RecordingResponsesSink implements ResponsesSink {

    /** One call of {@link #onResponses}. */
    record Call(List<ProcessorResponse> responses, Instant readUpTo) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<ProcessorResponse> responses = new CopyOnWriteArrayList<>();
    /** Calls with responses still to fail, to test that the loop hands the same responses over again. */
    final AtomicInteger failuresToThrow = new AtomicInteger();

    @Override
    public void onResponses(List<ProcessorResponse> handed, Instant readUpTo) {
        if (!handed.isEmpty() && failuresToThrow.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the test sink fails on purpose");
        }
        calls.add(new Call(handed, readUpTo));
        responses.addAll(handed);
    }

    Instant lastReadUpTo() {
        return calls.isEmpty() ? null : calls.get(calls.size() - 1).readUpTo();
    }
}
