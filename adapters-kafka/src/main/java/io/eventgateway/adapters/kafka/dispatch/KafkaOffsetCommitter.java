package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.OffsetCommitter;
import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.offset.OffsetCommit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the replica's source positions for the orchestrators' group through a transactional producer with
 * {@code transactional.id = <prefix>-orch-<i>}: each commit is one transaction holding only
 * {@code sendOffsetsToTransaction}. Manual assignment has no group fencing; the transactional id is the fence: a second
 * process with the same index initializes the same id, and this one's next commit fails with
 * {@link ReplicaFencedException}, for good.
 *
 * <p>Commits run one at a time, in call order, on the committer's own thread, so a caller never blocks on Kafka; at
 * most {@link #MAX_QUEUED_COMMITS} wait, beyond that a commit fails at once (the next periodic commit carries newer
 * positions anyway). Every Kafka call is bounded by the commit timeout. A failed commit is aborted and its future
 * fails with the cause (retriable: the next commit carries the positions again); a timed-out commit is finished by the
 * next one, as Kafka requires.
 *
 * <p><b>Hand-offs.</b> Records for retry levels, offload and the DLQ queued in the {@link KafkaHandoffWriter} are
 * written in the same transaction as the positions: a commit sends them, flushes, completes their futures (the dispatch
 * service then marks their source offsets done), and only then asks for the positions, so the positions that cover a
 * handed-off offset commit atomically with its record. If the transaction then aborts, the records sent in it are
 * carried into every later transaction until one commits; their offsets never commit without them.
 *
 * <p>Positions from {@code alsoCommit} (the response consumer's {@link ResponseConsumerLoop#position()}) are read when
 * a commit is called and go into the same transaction. Read after the caller computed its lane positions, they may be
 * slightly ahead: after a crash a few responses are then not replayed and their tasks are delivered again, which
 * at-least-once allows.
 */
public final class KafkaOffsetCommitter implements OffsetCommitter, AutoCloseable {

    static final int MAX_QUEUED_COMMITS = 16;
    /** Hand-offs written per transaction at most; the rest wait for the next commit. */
    static final int MAX_HANDOFFS_PER_COMMIT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetCommitter.class);

    private final OrchestratorKafkaSettings settings;
    private final Supplier<Map<SourcePartition, OffsetCommit>> alsoCommit;
    private final KafkaHandoffWriter handoffs;
    private final Producer<byte[], byte[]> producer;
    /** Hand-off records sent in a transaction that did not commit (yet); touched on the commit thread only. */
    private final List<ProducerRecord<byte[], byte[]>> carried = new ArrayList<>();
    /** {@code carried.size()}, readable from any thread. */
    private volatile int carriedCount;
    private final ConsumerGroupMetadata group;
    private final ThreadPoolExecutor commitThread;
    /** Written on the commit thread only (and by close once that thread is done). */
    private volatile CommitterState state = CommitterState.INITIALIZING;

    /**
     * @param alsoCommit positions committed with every commit, e.g. {@code responseLoop::position}; {@code Map::of}
     *                   for none
     */
    public KafkaOffsetCommitter(OrchestratorKafkaSettings settings,
            Supplier<Map<SourcePartition, OffsetCommit>> alsoCommit, KafkaHandoffWriter handoffs) {
        this(settings, alsoCommit, handoffs,
                new KafkaProducer<>(Objects.requireNonNull(settings, "settings").committerProperties()));
    }

    KafkaOffsetCommitter(OrchestratorKafkaSettings settings, Supplier<Map<SourcePartition, OffsetCommit>> alsoCommit,
            KafkaHandoffWriter handoffs, Producer<byte[], byte[]> producer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.alsoCommit = Objects.requireNonNull(alsoCommit, "alsoCommit");
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.producer = Objects.requireNonNull(producer, "producer");
        // Generation -1 and no member: the broker accepts such commits for a group nobody joined, which is ours.
        this.group = new ConsumerGroupMetadata(settings.groupId());
        this.commitThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED_COMMITS), runnable -> {
                    Thread thread = new Thread(runnable, "eg-orch-" + settings.replicaIndex() + "-committer");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Initializes transactions now rather than at the first commit, so a newly started replica fences an older
     * process with its index at once. Retriable when it times out; later commits initialize if this failed.
     */
    public CompletableFuture<Void> start() {
        return submit(this::finishPending);
    }

    @Override
    public CompletableFuture<Void> commit(Map<SourcePartition, OffsetCommit> positions) {
        Map<SourcePartition, OffsetCommit> fixed;
        try {
            fixed = Map.copyOf(positions);
            if (fixed.isEmpty() && alsoCommit.get().isEmpty() && pendingHandoffs() == 0) {
                return CompletableFuture.completedFuture(null);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return commit(() -> fixed).thenApply(committed -> null);
    }

    /**
     * Writes the queued hand-offs, then commits the positions {@code positions} gives once their futures completed,
     * all in one transaction. The future holds the positions committed (without {@code alsoCommit}'s).
     */
    public CompletableFuture<Map<SourcePartition, OffsetCommit>> commit(
            Supplier<Map<SourcePartition, OffsetCommit>> positions) {
        Objects.requireNonNull(positions, "positions");
        CompletableFuture<Map<SourcePartition, OffsetCommit>> committed = new CompletableFuture<>();
        submit(() -> committed.complete(commitOnThread(positions))).whenComplete((ignored, failure) -> {
            if (failure != null) {
                committed.completeExceptionally(failure);
            }
        });
        return committed;
    }

    /** Hand-offs waiting for the next commit, and those carried from a transaction that did not commit. */
    public int pendingHandoffs() {
        return handoffs.queuedCount() + carriedCount;
    }

    /** True once another process took over this replica index: the replica must stop serving. */
    public boolean isFenced() {
        return state == CommitterState.FENCED;
    }

    /**
     * Runs the commits already queued (a commit on shutdown is one of them), waiting at most the close timeout, then
     * closes the producer. Commits still queued then fail.
     */
    @Override
    public void close() {
        commitThread.shutdown();
        try {
            if (!commitThread.awaitTermination(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                failUnrun(commitThread.shutdownNow());
            }
        } catch (InterruptedException e) {
            failUnrun(commitThread.shutdownNow());
            Thread.currentThread().interrupt();
        } finally {
            if (!commitThread.isTerminated()) {
                LOG.warn("offset committer of replica {}: a commit is still running after {}; closing the producer "
                        + "under it", settings.replicaIndex(), settings.closeTimeout());
            }
            moveTo(CommitterState.CLOSED);
            producer.close(settings.closeTimeout());
        }
    }

    private CompletableFuture<Void> submit(Runnable work) {
        PendingCommit pending = new PendingCommit(work);
        try {
            commitThread.execute(pending);
        } catch (RejectedExecutionException e) {
            pending.done.completeExceptionally(new RejectedExecutionException(commitThread.isShutdown()
                    ? "the offset committer is closed"
                    : "the offset committer holds its limit of " + MAX_QUEUED_COMMITS + " queued commits", e));
        }
        return pending.done;
    }

    private Map<SourcePartition, OffsetCommit> commitOnThread(
            Supplier<Map<SourcePartition, OffsetCommit>> positions) {
        finishPending();
        List<KafkaHandoffWriter.Pending> fresh = handoffs.drain(MAX_HANDOFFS_PER_COMMIT);
        if (fresh.isEmpty() && carried.isEmpty()) {
            Map<SourcePartition, OffsetCommit> due = positions.get();
            Map<TopicPartition, OffsetAndMetadata> offsets = offsetsOf(due);
            if (!offsets.isEmpty()) {
                begin();
                commitOffsets(offsets);
            }
            return due;
        }
        begin();
        writeHandoffs(fresh);
        Map<SourcePartition, OffsetCommit> due;
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            due = positions.get();
            offsets = offsetsOf(due);
        } catch (RuntimeException e) {
            throw abortAfter(e);
        }
        commitOffsets(offsets);
        carried.clear();
        carriedCount = 0;
        return due;
    }

    /**
     * Sends the carried and fresh hand-offs in the open transaction and flushes. If any send failed the transaction is
     * aborted and the fresh futures fail (their writers try again); otherwise the fresh futures complete and every
     * record sent is carried until a commit succeeds.
     */
    private void writeHandoffs(List<KafkaHandoffWriter.Pending> fresh) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(carried.size() + fresh.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : carried) {
                sends.add(producer.send(record));
            }
            for (KafkaHandoffWriter.Pending pending : fresh) {
                sends.add(producer.send(pending.record()));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failHandoffs(fresh, new InterruptException(e));
        } catch (ExecutionException e) {
            throw failHandoffs(fresh, e.getCause() instanceof RuntimeException runtime
                    ? runtime : new KafkaException(e.getCause()));
        } catch (RuntimeException e) {
            throw failHandoffs(fresh, e);
        }
        for (KafkaHandoffWriter.Pending pending : fresh) {
            carried.add(pending.record());
        }
        carriedCount = carried.size();
        for (KafkaHandoffWriter.Pending pending : fresh) {
            pending.written().complete(null);
        }
    }

    private RuntimeException failHandoffs(List<KafkaHandoffWriter.Pending> fresh, RuntimeException failure) {
        RuntimeException thrown = abortAfter(failure);
        for (KafkaHandoffWriter.Pending pending : fresh) {
            pending.written().completeExceptionally(thrown);
        }
        return thrown;
    }

    private void begin() {
        try {
            producer.beginTransaction();
        } catch (RuntimeException e) {
            // Only a producer in a fatal state (fenced, failed) refuses to begin.
            throw fatal(e);
        }
    }

    private void commitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, group);
            }
        } catch (RuntimeException e) {
            throw abortAfter(e);
        }
        commitTransaction();
    }

    /** The lane positions and the {@code alsoCommit} ones, in Kafka's terms. */
    private Map<TopicPartition, OffsetAndMetadata> offsetsOf(Map<SourcePartition, OffsetCommit> positions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        alsoCommit.get().forEach((partition, position) -> offsets.put(StartPositions.toKafka(partition),
                new OffsetAndMetadata(position.offset(), position.metadata())));
        positions.forEach((partition, position) -> offsets.put(StartPositions.toKafka(partition),
                new OffsetAndMetadata(position.offset(), position.metadata())));
        return offsets;
    }

    /** Brings the producer to READY: finishes what a timed-out call left, or fails for a terminal state. */
    private void finishPending() {
        switch (state) {
            case READY -> { }
            case INITIALIZING -> initTransactions();
            case COMMIT_PENDING -> commitTransaction();
            case ABORT_PENDING -> abortTransaction();
            case FENCED -> throw fenced(null);
            case FAILED -> throw new CommitterFailedException("the offset committer of replica "
                    + settings.replicaIndex() + " failed for good earlier; restart the replica", null);
            case CLOSED -> throw new IllegalStateException("the offset committer is closed");
        }
    }

    private void initTransactions() {
        try {
            producer.initTransactions();
            moveTo(CommitterState.READY);
            LOG.info("offset committer of replica {} holds transactional id {}", settings.replicaIndex(),
                    settings.transactionalId());
        } catch (TimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            throw fatal(e);
        }
    }

    private void commitTransaction() {
        try {
            producer.commitTransaction();
            moveTo(CommitterState.READY);
        } catch (TimeoutException e) {
            moveTo(CommitterState.COMMIT_PENDING);
            throw e;
        } catch (RuntimeException e) {
            throw abortAfter(e);
        }
    }

    private void abortTransaction() {
        try {
            producer.abortTransaction();
            moveTo(CommitterState.READY);
        } catch (TimeoutException e) {
            moveTo(CommitterState.ABORT_PENDING);
            throw e;
        } catch (RuntimeException e) {
            throw fatal(e);
        }
    }

    /** The transaction failed with {@code failure}: aborts it so the next commit can begin; returns what to throw. */
    private RuntimeException abortAfter(RuntimeException failure) {
        if (isFencing(failure)) {
            return fatal(failure);
        }
        try {
            abortTransaction();
            return failure;
        } catch (ReplicaFencedException | CommitterFailedException terminal) {
            terminal.addSuppressed(failure);
            return terminal;
        } catch (RuntimeException abortTimeout) {
            failure.addSuppressed(abortTimeout);
            return failure;
        }
    }

    /** The producer is unusable: fenced (another process has the index) or failed; returns what to throw. */
    private RuntimeException fatal(RuntimeException failure) {
        if (isFencing(failure)) {
            moveTo(CommitterState.FENCED);
            LOG.error("offset committer of replica {}: FENCED, another process initialized transactional id {}; this "
                    + "replica must stop serving", settings.replicaIndex(), settings.transactionalId());
            return fenced(failure);
        }
        moveTo(CommitterState.FAILED);
        LOG.error("offset committer of replica {}: the transactional producer failed fatally; no commit can succeed "
                + "until the replica restarts", settings.replicaIndex(), failure);
        return new CommitterFailedException("the offset committer of replica " + settings.replicaIndex()
                + " failed fatally: " + failure.getMessage(), failure);
    }

    private ReplicaFencedException fenced(Throwable cause) {
        return new ReplicaFencedException("another process took over orchestrator replica " + settings.replicaIndex()
                + " (transactional id " + settings.transactionalId() + "); this one must stop", cause);
    }

    private void moveTo(CommitterState next) {
        state = state.moveTo(next);
    }

    private static boolean isFencing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException
                    || cause instanceof ReplicaFencedException) {
                return true;
            }
        }
        return false;
    }

    private static void failUnrun(List<Runnable> unrun) {
        for (Runnable task : unrun) {
            if (task instanceof PendingCommit pending) {
                pending.done.completeExceptionally(new RejectedExecutionException(
                        "the offset committer closed before this commit ran"));
            }
        }
    }

    /** One queued commit (or the start) and its outcome. */
    private static final class PendingCommit implements Runnable {

        private final Runnable work;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private PendingCommit(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }
}
