package io.eventgateway.benchmarks.e2e;

import com.google.protobuf.ByteString;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.sdk.producer.EventGatewayProducer;
import io.eventgateway.sdk.producer.PublishOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: batches are due on a fixed schedule ({@code rate} events per second) whatever the gateway answers,
 * and each event carries its due time, so a gateway that falls behind shows as latency instead of as a slower sender.
 * In-flight calls are bounded: when {@code shedWhenFull}, a batch due while the bound is reached is not sent and
 * counted as {@link #notSent()} (a flood that must not block); otherwise the sender waits, and the lateness still
 * counts since latency runs from the due time.
 */
final class OpenLoopLoad {

    private static final int TENANTS = 50;

    private final EventGatewayProducer producer;
    private final double rate;
    private final int batchSize;
    private final Priority[] priorities;
    private final int size;
    private final byte phase;
    private final boolean shedWhenFull;
    private final Semaphore inFlight;
    private final int maxInFlightBatches;
    private final SplittableRandom random = new SplittableRandom(17);
    /** From due time to the publisher's answer, microseconds: the ingest share of the end-to-end latency. */
    final Histogram storedLatency = new ConcurrentHistogram(3_600_000_000L, 3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong offloaded = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    /** The first refusal, kept to explain a failed run. */
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    /** @param priorities cycled through event by event */
    OpenLoopLoad(EventGatewayProducer producer, double rate, int batchSize, Priority[] priorities, int size, byte phase,
            int maxInFlightBatches, boolean shedWhenFull) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be > 0, was " + rate);
        }
        this.producer = producer;
        this.rate = rate;
        this.batchSize = batchSize;
        this.priorities = priorities.clone();
        this.size = size;
        this.phase = phase;
        this.shedWhenFull = shedWhenFull;
        this.inFlight = new Semaphore(maxInFlightBatches);
        this.maxInFlightBatches = maxInFlightBatches;
    }

    /**
     * Sends on schedule for {@code nanos}, or until {@code maxEvents} are sent or {@code untilStored} are stored, then
     * waits for every answer (the producer's call timeout bounds that).
     */
    void run(long nanos, long maxEvents, long untilStored) throws InterruptedException {
        long interval = (long) (1e9 * batchSize / rate);
        long start = System.nanoTime();
        long end = start + nanos;
        long index = 0;
        for (long due = start; due < end && sent.get() < maxEvents && stored.get() < untilStored;
                due = start + (++index) * interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (shedWhenFull) {
                if (!inFlight.tryAcquire()) {
                    notSent.addAndGet(batchSize);
                    continue;
                }
            } else {
                inFlight.acquire();
            }
            long dueAt = due;
            List<Event> batch = batch(due, index, (int) Math.min(batchSize, maxEvents - sent.get()));
            sent.addAndGet(batch.size());
            producer.publishAsync(batch).whenComplete((outcome, failure) -> {
                try {
                    storedLatency.recordValue(Math.min(3_600_000_000L, (System.nanoTime() - dueAt) / 1000));
                    account(outcome, failure, batch.size());
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(maxInFlightBatches);
        inFlight.release(maxInFlightBatches);
    }

    private List<Event> batch(long due, long index, int events) {
        ByteString body = ByteString.copyFrom(Stamp.payload(size, due, phase));
        List<Event> batch = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            batch.add(Event.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setCompanyId("tenant-" + random.nextInt(TENANTS))
                    .setSourceName("bench")
                    .setEventType("bench.event")
                    .setPriority(priorities[(int) ((index * batchSize + i) % priorities.length)])
                    .setPayload(body)
                    .build());
        }
        return batch;
    }

    private void account(PublishOutcome outcome, Throwable failure, int events) {
        if (failure != null) {
            refused.addAndGet(events);
            firstRefusal.compareAndSet(null, failure.toString());
            return;
        }
        for (EventResult result : outcome.results()) {
            if (result.getStatus() == EventResult.Status.STORED) {
                stored.incrementAndGet();
                if ("offload".equals(result.getLane())) {
                    offloaded.incrementAndGet();
                }
            } else {
                refused.incrementAndGet();
                firstRefusal.compareAndSet(null, result.getStatus() + " " + result.getError());
            }
        }
    }

    /** The first event or call the gateway refused, or "none". */
    String firstRefusal() {
        String refusal = firstRefusal.get();
        return refusal == null ? "none" : refusal;
    }

    long notSent() {
        return notSent.get();
    }
}
