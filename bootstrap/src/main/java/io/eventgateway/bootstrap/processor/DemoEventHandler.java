package io.eventgateway.bootstrap.processor;

import io.eventgateway.bootstrap.ledger.LedgerEntry;
import io.eventgateway.bootstrap.ledger.LedgerOutcome;
import io.eventgateway.bootstrap.ledger.LedgerSink;
import io.eventgateway.sdk.processor.EventHandler;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in {@code demo} handler: works for a configurable time, fails a configurable share of events with a
 * retry, and refuses events whose type says {@code poison} (they go to the dead-letter queue).
 *
 * <p>Every invocation is written to the ledger before the outcome is returned, and the runner sends the response
 * only after that: an event the ledger does not show was never ACKed, so a SIGKILL cannot make a processed event
 * look lost. A ledger write that fails throws, which the runner answers RETRY.
 */
public final class DemoEventHandler implements EventHandler {

    private final Duration latency;
    private final double retryRate;
    private final SplittableRandom random;
    private final Clock clock;
    private final LedgerSink ledger;

    public DemoEventHandler(Duration latency, double retryRate, long seed, Clock clock, LedgerSink ledger) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, was " + latency);
        }
        if (retryRate < 0 || retryRate > 1) {
            throw new IllegalArgumentException("retryRate must be within [0, 1], was " + retryRate);
        }
        this.latency = latency;
        this.retryRate = retryRate;
        this.random = new SplittableRandom(seed);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public HandlerOutcome handle(ProcessorEvent event) throws IOException {
        long startedAtMs = clock.millis();
        if (!latency.isZero()) {
            LockSupport.parkNanos(latency.toNanos());
        }
        HandlerOutcome outcome = decide(event);
        ledger.onHandled(new LedgerEntry(startedAtMs, event.priority().name(), event.attempt(), event.delivery(),
                event.ingestedAt().toEpochMilli(), event.sloDeadline().toEpochMilli(), LedgerOutcome.of(outcome),
                event.eventId()));
        return outcome;
    }

    private HandlerOutcome decide(ProcessorEvent event) {
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
