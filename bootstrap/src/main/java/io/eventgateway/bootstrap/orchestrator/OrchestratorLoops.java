package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.dispatch.KafkaOffsetCommitter;
import io.eventgateway.adapters.kafka.dispatch.ResponseConsumerLoop;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.bootstrap.config.OrchestratorConfig;
import io.eventgateway.bootstrap.role.OrchestratorRole;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's running parts, started with the role: the committer (initialized first, so a new replica fences
 * an older process with its index at once), the response consumer, the lane consumers, a tick every tick interval
 * and a commit every commit interval.
 *
 * <p>Shutdown: the schedules stop, a final commit runs (bounded by the commit timeout) while the consumers still
 * hold their state, then the lane consumers, the response consumer and the committer close. A replica fenced by
 * another process with the same index stops serving: one ERROR line, then the whole application context closes.
 */
@Context
@OrchestratorRole
public class OrchestratorLoops {

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorLoops.class);
    private static final Duration REPLAY_CHECK_INTERVAL = Duration.ofMillis(10);

    private final DispatchService service;
    private final KafkaOffsetCommitter committer;
    private final ResponseConsumerLoop responses;
    private final LaneConsumers lanes;
    private final ApplicationContext context;
    private final ReplicaIdentity identity;
    private final Duration commitTimeout;
    private final Clock clock;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final AtomicBoolean fenced = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** At most one periodic commit in flight: a slow commit is not queued behind by the next ones. */
    private CompletableFuture<Void> inFlightCommit = CompletableFuture.completedFuture(null);
    private volatile Instant lastCommit;

    public OrchestratorLoops(DispatchService service, KafkaOffsetCommitter committer, ResponseConsumerLoop responses,
            LaneConsumers lanes, MicrometerDispatchMetrics metrics, ApplicationContext context,
            ReplicaIdentity identity, OrchestratorConfig config,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock) {
        this.service = service;
        this.committer = committer;
        this.responses = responses;
        this.lanes = lanes;
        this.context = context;
        this.identity = identity;
        this.commitTimeout = config.commitTimeout();
        this.clock = clock;
        this.lastCommit = clock.instant();
        metrics.bindCommitAge(() -> Duration.between(lastCommit, clock.instant()));
        metrics.bindStoppedPartitions(lanes);
        committer.start().whenComplete((ignored, failure) -> onCommitOutcome(failure));
        responses.start();
        awaitResponsesReplayed(clock.instant(), config.closeTimeout());
        lanes.start();
        schedules.add(scheduler.scheduleAtFixedRate(config.tickInterval(), config.tickInterval(),
                guarded("tick", service::tick)));
        schedules.add(scheduler.scheduleAtFixedRate(config.commitInterval(), config.commitInterval(),
                guarded("commit", this::maybeCommit)));
        LOG.info("orchestrator replica {} of {} started", identity.index(), identity.replicas());
    }

    /**
     * Lets the response consumer read its partition up to now before any lane is read: ACKs an earlier run of this
     * replica left there are then applied as their records arrive, not after they were served again. A response topic
     * that cannot be read holds the start for at most {@code bound}.
     */
    private void awaitResponsesReplayed(Instant startedAt, Duration bound) {
        Instant giveUp = startedAt.plus(bound);
        while (service.responsesReadUpTo().isBefore(startedAt)) {
            if (clock.instant().isAfter(giveUp)) {
                LOG.warn("replica {}: the response partition was not read up to the start within {}; serving anyway, "
                        + "so work acked before the restart may be served again", identity.index(), bound);
                return;
            }
            try {
                Thread.sleep(REPLAY_CHECK_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether another process took over this replica's index. */
    public boolean isFenced() {
        return fenced.get();
    }

    /** Commits what is due unless the previous commit is still running. */
    synchronized void maybeCommit() {
        if (!inFlightCommit.isDone() || fenced.get()) {
            return;
        }
        inFlightCommit = commit();
    }

    /**
     * Hand-offs and positions in one transaction: the committer asks for the positions only after it wrote the
     * queued hand-offs. Empty lane positions still commit the response position, so responses read are not replayed
     * needlessly.
     */
    private CompletableFuture<Void> commit() {
        return committer.commit(service::commitPositions).handle((committed, failure) -> {
            if (failure == null) {
                service.onCommitted(committed);
                lastCommit = clock.instant();
            }
            onCommitOutcome(failure);
            return null;
        });
    }

    private void onCommitOutcome(Throwable failure) {
        if (failure == null) {
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ReplicaFencedException) {
            onFenced();
        } else {
            LOG.warn("commit of replica {} failed, the next one carries the positions again: {}", identity.index(),
                    cause.toString());
        }
    }

    private void onFenced() {
        if (!fenced.compareAndSet(false, true)) {
            return;
        }
        LOG.error("replica {} was fenced by another process with the same index; stopping", identity.index());
        // Not on the committer's thread: closing the context waits for it.
        Thread stopper = new Thread(() -> {
            if (context.isRunning()) {
                context.close();
            }
        }, "eg-orch-" + identity.index() + "-fenced-stop");
        stopper.start();
    }

    @PreDestroy
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        schedules.forEach(schedule -> schedule.cancel(false));
        try {
            if (!fenced.get()) {
                finalCommit();
            }
        } finally {
            lanes.close();
            responses.close();
            committer.close();
        }
    }

    private void finalCommit() {
        try {
            CompletableFuture<Void> previous;
            synchronized (this) {
                previous = inFlightCommit;
            }
            previous.handle((ignored, failure) -> null).get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
            commit().get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("final commit of replica {} failed; uncommitted offsets are read again at the next start: {}",
                    identity.index(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: log and keep the schedule alive.
                LOG.error("orchestrator {} failed on replica {}", what, identity.index(), e);
            }
        };
    }
}
