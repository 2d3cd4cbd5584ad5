package io.eventgateway.sdk.processor;

import io.eventgateway.protocol.v1.TaskResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what the runner published, and when it flushed. */
final class RecordingPublisher implements ResponsePublisher {

    record Published(int replicaIndex, TaskResponse response) {
    }

    final List<Published> published = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    /** How many responses had been published at the latest flush. */
    volatile int publishedAtLastFlush = -1;

    @Override
    public void publish(int replicaIndex, TaskResponse response) {
        published.add(new Published(replicaIndex, response));
    }

    @Override
    public void flush() {
        publishedAtLastFlush = published.size();
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
        // The runner does not own a publisher passed in; nothing to release here.
    }

    List<TaskResponse> responses() {
        return published.stream().map(Published::response).toList();
    }
}
