package io.eventgateway.bootstrap.loadgen;

import com.google.protobuf.ByteString;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.sdk.producer.EventGatewayProducer;
import io.eventgateway.sdk.producer.PublishOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends generated events to a gateway over gRPC with a bounded number of batches in flight, optionally paced to a
 * rate, and records each stored event id (with its priority and the time it was acknowledged) for {@code verify}.
 */
public final class LoadGenerator {

    private final LoadSettings settings;

    public LoadGenerator(LoadSettings settings) {
        this.settings = settings;
    }

    public LoadReport run(EventGatewayProducer producer) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(settings.seed());
        byte[] payload = new byte[settings.payloadBytes()];
        random.nextBytes(payload);
        ByteString body = ByteString.copyFrom(payload);
        Semaphore inFlight = new Semaphore(settings.concurrency());
        AtomicLong stored = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong failedCalls = new AtomicLong();
        long batches = (settings.count() + settings.batchSize() - 1) / settings.batchSize();
        long[] latencies = new long[(int) Math.min(batches, Integer.MAX_VALUE)];
        AtomicLong latencyCount = new AtomicLong();
        long started = System.nanoTime();
        long nanosPerBatch = settings.ratePerSecond() > 0
                ? (long) (1e9 * settings.batchSize() / settings.ratePerSecond()) : 0;
        try (AcceptedRecordFile record = settings.recordFile() == null ? null
                : new AcceptedRecordFile(settings.recordFile())) {
            long sent = 0;
            for (long b = 0; b < batches; b++) {
                if (nanosPerBatch > 0) {
                    long due = started + b * nanosPerBatch;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                int size = (int) Math.min(settings.batchSize(), settings.count() - sent);
                List<Event> events = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    events.add(event(random, body));
                }
                sent += size;
                inFlight.acquire();
                long callStarted = System.nanoTime();
                producer.publishAsync(events).whenComplete((outcome, failure) -> {
                    try {
                        latencies[(int) latencyCount.getAndIncrement()] = (System.nanoTime() - callStarted) / 1000;
                        if (failure != null) {
                            failedCalls.incrementAndGet();
                            unavailable.addAndGet(events.size());
                        } else {
                            account(outcome, events, stored, rejected, unavailable, record);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(settings.concurrency());
            long elapsed = System.nanoTime() - started;
            long[] observed = Arrays.copyOf(latencies, (int) latencyCount.get());
            Arrays.sort(observed);
            return new LoadReport(sent, stored.get(), rejected.get(), unavailable.get(), failedCalls.get(),
                    Duration.ofNanos(elapsed), percentile(observed, 0.50), percentile(observed, 0.99));
        }
    }

    private Event event(SplittableRandom random, ByteString body) {
        String tenant = "tenant-" + random.nextInt(settings.tenants());
        return Event.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCompanyId(tenant)
                .setSourceName("loadgen")
                .setEventType("load.test")
                .setPriority(settings.mix().pick(random))
                .setPayload(body)
                .build();
    }

    private static void account(PublishOutcome outcome, List<Event> events, AtomicLong stored, AtomicLong rejected,
            AtomicLong unavailable, AcceptedRecordFile record) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < outcome.results().size(); i++) {
            EventResult result = outcome.results().get(i);
            switch (result.getStatus()) {
                case STORED -> {
                    stored.incrementAndGet();
                    if (record != null) {
                        record.write(new AcceptedEvent(result.getEventId(), events.get(i).getPriority().name(), now));
                    }
                }
                case REJECTED -> rejected.incrementAndGet();
                default -> unavailable.incrementAndGet();
            }
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
    }
}
