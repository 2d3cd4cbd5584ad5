package io.eventgateway.benchmarks.e2e;

import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.sdk.producer.EventGatewayProducer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Contender 4, the Event Gateway, every role in this JVM (see {@link GatewayUnderTest}): gRPC ingest → lane topic →
 * orchestrator → gRPC FetchNextBatch → no-op handler → response topic → ACK applied (the offset is then committable;
 * commits follow every {@code commit-interval}).
 *
 * <p>{@code --mode pipe}: after a warm-up, {@code count} P20 events in batches of 100 with 16 calls in flight (the
 * load generator's shape), clocked from the first send until the orchestrator has applied the last ACK; then an
 * open-loop run at half that rate with P30, P20 and P10 in equal shares for {@code latency-seconds}, recording
 * ingest→handler latency per priority.
 *
 * <p>{@code --mode isolation --capacity C}: P10 offered open-loop at 3 × C (batches of 100, no retries, shed by the
 * sender when 32 calls are in flight) with a steady P30 stream at 1 % of C, for {@code isolation-seconds}: P30 p99 and
 * SLO met share, P10 events the publisher offloaded, and the peak of the orchestrator's held bytes against its budget.
 */
public final class GatewayPipe {

    private static final Priority[] MIX = {Priority.P30, Priority.P20, Priority.P10};
    private static final int THROUGHPUT_BATCH = 100;
    private static final int THROUGHPUT_IN_FLIGHT = 16;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private GatewayPipe() {
    }

    public static void main(String[] args) throws Exception {
        PipeOptions options = PipeOptions.parse(args);
        MeasuringHandler handler = new MeasuringHandler();
        try (GatewayUnderTest gateway = GatewayUnderTest.start(options.bootstrap(), options.partitions(), handler)) {
            warmUp(gateway, options);
            switch (options.text("mode")) {
                case "pipe" -> PipeResult.print(pipe(gateway, handler, options));
                case "isolation" -> PipeResult.print(isolation(gateway, handler, options));
                default -> throw new IllegalArgumentException("--mode must be pipe or isolation");
            }
        }
        // Micronaut and gRPC leave non-daemon threads behind a closed context; the result is printed.
        System.exit(0);
    }

    /**
     * Primes each lane's producer with single events until one is stored (its first send waits for metadata and a
     * producer id, which on a loaded box can outlast the publisher's 2 s primary timeout and open its breaker), then
     * runs the warm-up load.
     */
    private static void warmUp(GatewayUnderTest gateway, PipeOptions options) throws Exception {
        try (EventGatewayProducer producer = gateway.producer(1)) {
            for (Priority priority : MIX) {
                OpenLoopLoad probe = new OpenLoopLoad(producer, 2, 1, new Priority[] {priority}, options.size(),
                        Stamp.WARMUP, 1, false);
                probe.run(TimeUnit.MINUTES.toNanos(2), Long.MAX_VALUE, 1);
                if (probe.stored.get() == 0) {
                    throw new TimeoutException("the gateway stored no " + priority + " event within 2 minutes: "
                            + probe.firstRefusal());
                }
            }
        }
        closedLoop(gateway, options.warmup(), options.size(), Stamp.WARMUP);
        Progress.awaitCount(gateway::acks, options.warmup() + MIX.length, DRAIN);
    }

    private static Map<String, Object> pipe(GatewayUnderTest gateway, MeasuringHandler handler, PipeOptions options)
            throws Exception {
        long acksBefore = gateway.acks();
        long started = System.nanoTime();
        closedLoop(gateway, options.count(), options.size(), Stamp.THROUGHPUT);
        Progress.awaitCount(gateway::acks, acksBefore + options.count(), DRAIN);
        Map<String, Object> result = PipeResult.throughput("gateway", options.count(), System.nanoTime() - started);

        double rate = 0.5 * (double) result.get("eps");
        // At least 50 calls a second, up to the throughput run's batches of 100: a gRPC call carries a fixed cost, so
        // single-event calls would measure call overhead at a rate the saturation run never paid it.
        int batch = (int) Math.min(THROUGHPUT_BATCH, Math.max(1, Math.round(rate / 50)));
        OpenLoopLoad load;
        try (EventGatewayProducer producer = gateway.producer(3)) {
            load = new OpenLoopLoad(producer, rate, batch, MIX, options.size(), Stamp.LATENCY, 4096, false);
            load.run(TimeUnit.SECONDS.toNanos(options.number("latency-seconds", 60)), Long.MAX_VALUE, Long.MAX_VALUE);
        }
        Progress.awaitCount(() -> handler.handled(Stamp.LATENCY), load.stored.get(), DRAIN);
        Map<String, Object> latencies = new LinkedHashMap<>();
        for (Priority priority : MIX) {
            Histogram histogram = handler.latency(Stamp.LATENCY, priority);
            latencies.put(priority.name(), Map.of(
                    "p50", millis(histogram.getValueAtPercentile(50)),
                    "p99", millis(histogram.getValueAtPercentile(99)),
                    "p999", millis(histogram.getValueAtPercentile(99.9)),
                    "count", histogram.getTotalCount()));
        }
        result.put("latency_rate_eps", rate);
        result.put("latency_batch", batch);
        result.put("latency_sent", load.sent.get());
        result.put("latency_offloaded", load.offloaded.get());
        result.put("latency_refused", load.refused.get());
        result.put("latency_first_refusal", load.firstRefusal());
        result.put("gateway_latency_ms", latencies);
        result.put("latency_publish_answer_ms", Map.of("p50", millis(load.storedLatency.getValueAtPercentile(50)),
                "p99", millis(load.storedLatency.getValueAtPercentile(99))));
        return result;
    }

    private static Map<String, Object> isolation(GatewayUnderTest gateway, MeasuringHandler handler,
            PipeOptions options) throws Exception {
        double capacity = options.decimal("capacity", 0);
        long nanos = TimeUnit.SECONDS.toNanos(options.number("isolation-seconds", 60));
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong peakBytes = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakBytes.accumulateAndGet(gateway.status().memory().usedBytes(), Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "buffer-sampler");
        sampler.start();
        OpenLoopLoad p30;
        OpenLoopLoad p10;
        try (EventGatewayProducer steady = gateway.producer(3); EventGatewayProducer flood = gateway.producer(1)) {
            p30 = new OpenLoopLoad(steady, 0.01 * capacity, 1, new Priority[] {Priority.P30}, options.size(),
                    Stamp.ISOLATION, 256, false);
            p10 = new OpenLoopLoad(flood, 3 * capacity, 100, new Priority[] {Priority.P10}, options.size(),
                    Stamp.ISOLATION, 32, true);
            Thread floodThread = new Thread(() -> {
                try {
                    p10.run(nanos, Long.MAX_VALUE, Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "p10-flood");
            floodThread.start();
            p30.run(nanos, Long.MAX_VALUE, Long.MAX_VALUE);
            floodThread.join();
        }
        Histogram p30Latency = handler.latency(Stamp.ISOLATION, Priority.P30);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (p30Latency.getTotalCount() < p30.stored.get() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        sampling.set(false);
        sampler.join();
        OrchestratorStatus status = gateway.status();
        long sloMicros = gateway.p30Slo().toNanos() / 1000;
        long met = p30Latency.getCountBetweenValues(0, sloMicros);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("contender", "gateway_isolation");
        result.put("capacity_eps", capacity);
        result.put("p30_p99_ms", millis(p30Latency.getValueAtPercentile(99)));
        result.put("p30_slo_met_pct", p30.stored.get() == 0 ? 0.0 : 100.0 * met / p30.stored.get());
        result.put("p10_offloaded", p10.offloaded.get());
        result.put("peak_buffer_bytes", peakBytes.get());
        result.put("budget_bytes", status.memory().budgetBytes());
        result.put("p30_sent", p30.sent.get());
        result.put("p30_stored", p30.stored.get());
        result.put("p30_handled", p30Latency.getTotalCount());
        result.put("p10_offered", p10.sent.get() + p10.notSent());
        result.put("p10_sent", p10.sent.get());
        result.put("p10_stored", p10.stored.get());
        result.put("p10_refused", p10.refused.get());
        result.put("p10_first_refusal", p10.firstRefusal());
        result.put("p30_refused", p30.refused.get());
        result.put("orchestrator_p30_slo_met", GatewayUnderTest.p30(status.counters().sloMet()));
        result.put("orchestrator_p30_slo_missed", GatewayUnderTest.p30(status.counters().sloMissed()));
        return result;
    }

    /** Closed loop: batches of 100 with 16 calls in flight, as fast as the gateway answers. */
    private static void closedLoop(GatewayUnderTest gateway, int count, int size, byte phase) throws Exception {
        try (EventGatewayProducer producer = gateway.producer(3)) {
            OpenLoopLoad load = new OpenLoopLoad(producer, 1e12, THROUGHPUT_BATCH, new Priority[] {Priority.P20}, size,
                    phase, THROUGHPUT_IN_FLIGHT, false);
            load.run(TimeUnit.HOURS.toNanos(1), count, Long.MAX_VALUE);
            if (load.stored.get() != count) {
                throw new TimeoutException("the gateway stored " + load.stored.get() + " of " + count + " events ("
                        + load.refused.get() + " refused, the first: " + load.firstRefusal() + ")");
            }
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
