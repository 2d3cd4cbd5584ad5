package io.eventgateway.benchmarks.hotpaths;

import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.offset.OffsetTracker;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One partition's offset bookkeeping as the orchestrator does it: 10 000 offsets polled, then marked done in random
 * order (processors answer out of order), reading the committable offset after every completion and building the commit
 * (position + metadata naming the completed offsets above it, within the broker's 4096 bytes) every 100 completions.
 * {@link OffsetTracker} with its bitset and {@link OffsetMetadataCodec} against a {@code TreeSet<Long>} tracker with
 * decimal metadata. The score is nanoseconds per offset.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(OffsetTrackerBenchmark.WINDOW)
public class OffsetTrackerBenchmark {

    static final int WINDOW = 10_000;
    private static final int COMMIT_EVERY = 100;
    private static final long START = 1_000_000L;

    private long[] completionOrder;

    @Setup
    public void shuffle() {
        completionOrder = new long[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            completionOrder[i] = START + i;
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = WINDOW - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = completionOrder[i];
            completionOrder[i] = completionOrder[j];
            completionOrder[j] = swap;
        }
    }

    @Benchmark
    public void offsetTrackerWithMetadataCodec(Blackhole sink) {
        OffsetTracker tracker = new OffsetTracker(START);
        for (int i = 0; i < WINDOW; i++) {
            tracker.onPolled(START + i);
        }
        for (int i = 0; i < WINDOW; i++) {
            tracker.markDone(completionOrder[i]);
            sink.consume(tracker.committableOffset());
            if (i % COMMIT_EVERY == 0) {
                sink.consume(tracker.commit(OffsetMetadataCodec.DEFAULT_MAX_BYTES));
            }
        }
    }

    @Benchmark
    public void baselineTreeSetTracker(Blackhole sink) {
        NaiveOffsetTracker tracker = new NaiveOffsetTracker(START);
        for (int i = 0; i < WINDOW; i++) {
            tracker.onPolled(START + i);
        }
        for (int i = 0; i < WINDOW; i++) {
            tracker.markDone(completionOrder[i]);
            sink.consume(tracker.committableOffset());
            if (i % COMMIT_EVERY == 0) {
                sink.consume(tracker.metadata(OffsetMetadataCodec.DEFAULT_MAX_BYTES));
            }
        }
    }
}
