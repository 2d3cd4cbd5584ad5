package io.eventgateway.adapters.kafka.dispatch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a consumer (a {@code KafkaConsumer} is not thread-safe): it runs the work's start until
 * it succeeds, then polls until {@link #close()}. An error never ends the thread: it is counted, logged (throttled),
 * and tried again after a pause, so a broker outage or a failing sink stalls the loop instead of killing it.
 */
final class ConsumerThread {

    /** What runs on the thread. */
    interface Work {

        /** Assigns and positions the consumer; called again after a failure until it returns. */
        void start();

        /** One poll and its hand-over. */
        void pollOnce();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerThread.class);

    private final String name;
    private final Consumer<byte[], byte[]> consumer;
    private final Work work;
    private final Duration retryPause;
    private final Duration closeTimeout;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final ThrottledCounter failures = new ThrottledCounter();
    private LoopState state = LoopState.NEW;
    private Thread thread;

    ConsumerThread(String name, Consumer<byte[], byte[]> consumer, Work work, Duration retryPause,
            Duration closeTimeout) {
        this.name = name;
        this.consumer = consumer;
        this.work = work;
        this.retryPause = retryPause;
        this.closeTimeout = closeTimeout;
    }

    synchronized void start() {
        state = state.moveTo(LoopState.RUNNING, name);
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the loop, waking a blocked poll, and waits for the thread to close the consumer, at most the close
     * timeout (plus the consumer's own close, which the same timeout bounds). Idempotent.
     */
    void close() {
        Thread running;
        synchronized (this) {
            if (state == LoopState.CLOSED) {
                return;
            }
            LoopState before = state;
            state = state.moveTo(LoopState.CLOSED, name);
            stopRequested.countDown();
            if (before == LoopState.NEW) {
                consumer.close(CloseOptions.timeout(closeTimeout));
                return;
            }
            consumer.wakeup();
            running = thread;
        }
        try {
            running.join(closeTimeout.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warn("{}: the consumer thread did not stop within {}; left to finish as a daemon", name,
                    closeTimeout.multipliedBy(2));
        }
    }

    /** Waits one retry pause before trying again, or less when {@link #close()} is called meanwhile. */
    void pauseBeforeRetry() {
        try {
            stopRequested.await(retryPause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Failed starts and polls since start, each retried (for metrics). */
    long failures() {
        return failures.count();
    }

    private void run() {
        boolean started = false;
        try {
            while (stopRequested.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                try {
                    if (started) {
                        work.pollOnce();
                    } else {
                        work.start();
                        started = true;
                    }
                } catch (WakeupException e) {
                    // close() woke the consumer up: the loop condition ends the loop.
                } catch (InterruptException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    if (failures.countAndShouldLog()) {
                        LOG.warn("{}: {} failed ({}); trying again in {} ({} failures so far)", name,
                                started ? "polling" : "starting", e.toString(), retryPause, failures.count(), e);
                    }
                    pauseBeforeRetry();
                }
            }
        } finally {
            try {
                consumer.close(CloseOptions.timeout(closeTimeout));
            } catch (RuntimeException e) {
                LOG.warn("{}: closing the consumer failed ({})", name, e.toString());
            }
        }
    }
}
