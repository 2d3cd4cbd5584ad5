package io.eventgateway.benchmarks.e2e;

import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.sdk.processor.EventHandler;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The no-op handler of the gateway bench: acknowledges everything, and on the first delivery of each event records
 * ingest→handler latency (from the event's intended send time, see {@link Stamp}) per phase and priority.
 */
final class MeasuringHandler implements EventHandler {

    /** One hour in microseconds: nothing the bench waits for takes longer. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final AtomicLong[] handled = new AtomicLong[4];
    private final Map<Priority, Histogram>[] latencies;

    @SuppressWarnings("unchecked")
    MeasuringHandler() {
        latencies = new Map[handled.length];
        for (int phase = 0; phase < handled.length; phase++) {
            handled[phase] = new AtomicLong();
            latencies[phase] = new EnumMap<>(Priority.class);
            for (Priority priority : new Priority[] {Priority.P30, Priority.P20, Priority.P10}) {
                latencies[phase].put(priority, new ConcurrentHistogram(HIGHEST_MICROS, 3));
            }
        }
    }

    @Override
    public HandlerOutcome handle(ProcessorEvent event) {
        long now = System.nanoTime();
        if (event.delivery() == 1) {
            byte[] payload = event.payload();
            byte phase = Stamp.phase(payload);
            long micros = Math.max(0, (now - Stamp.intendedNanos(payload)) / 1000);
            latencies[phase].get(event.priority()).recordValue(Math.min(micros, HIGHEST_MICROS));
            handled[phase].incrementAndGet();
        }
        return HandlerOutcome.ack();
    }

    long handled(byte phase) {
        return handled[phase].get();
    }

    Histogram latency(byte phase, Priority priority) {
        return latencies[phase].get(priority);
    }
}
