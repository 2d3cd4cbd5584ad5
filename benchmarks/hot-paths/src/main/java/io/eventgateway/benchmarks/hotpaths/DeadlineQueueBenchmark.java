package io.eventgateway.benchmarks.hotpaths;

import io.eventgateway.domain.dispatch.DeadlineQueue;
import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
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

/**
 * The cost of fairness: {@link DeadlineQueue} (EDF with tenant/key round robin inside the 100 ms window, overload guard)
 * against a plain {@link PriorityQueue} ordered by deadline, on the same tasks, both holding 100 000 queued tasks.
 * One operation is one task offered and one task leased, in batches of 100 as processors fetch them; the score is
 * nanoseconds per task. Each offered task is new (a fresh source position and a later deadline, with up to 200 ms of
 * jitter so the fairness window always spans many tenants), so the queue stays at 100 000 in a steady state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(DeadlineQueueBenchmark.BATCH)
public class DeadlineQueueBenchmark {

    static final int QUEUED = 100_000;
    static final int BATCH = 100;
    private static final int EVENTS = 4096;
    private static final int JITTERS = 4096;
    private static final long JITTER_NANOS = 200_000_000L;
    /** Deadlines advance by 20 µs a task: 100 000 tasks span two seconds, the window holds thousands. */
    private static final long STEP_NANOS = 20_000L;
    private static final Comparator<QueuedTask> BY_DEADLINE = Comparator.comparing(QueuedTask::orderingDeadline)
            .thenComparingLong(task -> task.source().offset());

    private EventRecord[] events;
    private long[] jitters;
    /** Before every deadline: the queue sees all tasks on time, the common case the fairness code serves. */
    private Instant now;
    private long sequence;

    private DeadlineQueue fair;
    private PriorityQueue<QueuedTask> plain;

    @Setup
    public void fill() {
        events = SampleEvents.generate(EVENTS, 7);
        SplittableRandom random = new SplittableRandom(11);
        jitters = new long[JITTERS];
        for (int i = 0; i < JITTERS; i++) {
            jitters[i] = random.nextLong(JITTER_NANOS);
        }
        now = SampleEvents.INGESTED_AT;
        fair = new DeadlineQueue(DispatchSettings.defaults());
        plain = new PriorityQueue<>(QUEUED + BATCH, BY_DEADLINE);
        for (int i = 0; i < QUEUED; i++) {
            QueuedTask task = nextTask();
            fair.offer(task);
            plain.offer(task);
        }
    }

    private QueuedTask nextTask() {
        long n = sequence++;
        EventRecord event = events[(int) (n % EVENTS)];
        Instant deadline = now.plusSeconds(1).plusNanos(n * STEP_NANOS + jitters[(int) (n % JITTERS)]);
        return new QueuedTask(new SourcePosition("eg.p10", (int) (n & 7), n), event, deadline, 460);
    }

    @Benchmark
    public List<QueuedTask> deadlineQueueWithFairness() {
        for (int i = 0; i < BATCH; i++) {
            fair.offer(nextTask());
        }
        return fair.pollBatch(now, BATCH, Long.MAX_VALUE);
    }

    @Benchmark
    public List<QueuedTask> baselinePriorityQueue() {
        for (int i = 0; i < BATCH; i++) {
            plain.offer(nextTask());
        }
        List<QueuedTask> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(plain.poll());
        }
        return batch;
    }
}
