package io.eventgateway.bootstrap.orchestrator;

import java.util.concurrent.CountDownLatch;

/** Holds the response consumer inside its sink call while closed: the response path lags as long as the test wants. */
final class ResponseGate {

    private volatile CountDownLatch open = new CountDownLatch(0);

    void close() {
        open = new CountDownLatch(1);
    }

    void open() {
        open.countDown();
    }

    void awaitOpen() {
        try {
            open.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the response gate was closed", e);
        }
    }
}
