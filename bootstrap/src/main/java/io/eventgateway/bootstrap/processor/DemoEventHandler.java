package io.eventgateway.bootstrap.processor;

import io.eventgateway.sdk.processor.EventHandler;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in {@code demo} handler: works for a configurable time, fails a configurable share of events with a
 * retry, and refuses events whose type says {@code poison} (they go to the dead-letter queue).
 */
public final class DemoEventHandler implements EventHandler {

    private final Duration latency;
    private final double retryRate;
    private final SplittableRandom random;

    public DemoEventHandler(Duration latency, double retryRate, long seed) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, was " + latency);
        }
        if (retryRate < 0 || retryRate > 1) {
            throw new IllegalArgumentException("retryRate must be within [0, 1], was " + retryRate);
        }
        this.latency = latency;
        this.retryRate = retryRate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public HandlerOutcome handle(ProcessorEvent event) {
        if (!latency.isZero()) {
            LockSupport.parkNanos(latency.toNanos());
        }
        if (event.type().contains("poison")) {
            return HandlerOutcome.fail("the demo handler refuses poison events");
        }
        boolean retry;
        synchronized (random) {
            retry = random.nextDouble() < retryRate;
        }
        return retry ? HandlerOutcome.retry(null) : HandlerOutcome.ack();
    }
}
