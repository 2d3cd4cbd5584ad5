package io.eventgateway.application.dispatch;

import io.eventgateway.application.dispatch.DelayedRecords.Reentry;
import io.eventgateway.application.dispatch.DispatchMetrics.ResponseKind;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.dedup.RecentIds;
import io.eventgateway.domain.retry.RetryDecision;
import io.eventgateway.domain.retry.RetryPolicy;
import io.eventgateway.domain.dispatch.DeadlineQueue;
import io.eventgateway.domain.dispatch.OfferResult;
import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.lease.ExpiryDecision;
import io.eventgateway.domain.lease.ExpiryResult;
import io.eventgateway.domain.lease.ExtendResult;
import io.eventgateway.domain.lease.Lease;
import io.eventgateway.domain.lease.LeaseId;
import io.eventgateway.domain.lease.LeaseTable;
import io.eventgateway.domain.lease.LeasedTask;
import io.eventgateway.domain.lease.ReleaseResult;
import io.eventgateway.domain.lease.ResponseOutcome;
import io.eventgateway.domain.memory.LaneDecision;
import io.eventgateway.domain.memory.LaneState;
import io.eventgateway.domain.memory.MemoryBudget;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.offset.PolledOffset;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator's dispatch core. Lane consumers hand over polled records, processors fetch leased batches and
 * answer through the response topic, a ticker expires leases, and the committer asks what is safe to commit; this
 * service combines the deadline queue, lease table, offset trackers and memory budget behind those ports.
 *
 * <p><b>Threads.</b> Lane consumer threads, the response thread, gRPC threads, the ticker and write callbacks call in
 * concurrently; one lock guards all state. No call blocks on I/O, and no future is completed and no write started
 * while the lock is held: their callbacks run inline and may call back in. Work for after the lock is collected in an
 * {@link AfterUnlock}.
 *
 * <p><b>Invariants.</b>
 * <ul>
 *   <li>Every polled record that is not skipped (re-read, or done before a restart) is held from its poll until its
 *       offset is marked done, which happens only on an ACK or after its dead-letter write was acked. So the
 *       committable position, the lowest offset not done, never passes unfinished work, and nothing is dropped.</li>
 *   <li>A held record is in exactly one place, named by its {@link HeldStage}: the deadline queue, the delayed set,
 *       one lease, or a dead-letter write. The memory budget counts its bytes under that stage's kind.</li>
 *   <li>A record is never in the deadline queue before its {@code delay_until}.</li>
 *   <li>A partition is paused exactly when it has a {@link PauseReason}; its consumer learns changes at its next
 *       call.</li>
 * </ul>
 */
public final class DispatchService implements LaneRecordsSink, ResponsesSink, FetchTasksUseCase, LeaseControlUseCase {

    private final OrchestratorSettings settings;
    private final StoredRecordCodec codec;
    private final HandoffWriter handoffs;
    private final RetryTopicLevels retryLevels;
    private final RetryPolicy retryPolicy;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final int replicaIndex;

    private final Object lock = new Object();
    private final DeadlineQueue queue;
    private final LeaseTable leases;
    private final MemoryBudget memory;
    /** Tenants, sources and types shared among buffered events (three per tenant at 10 000 tracked tenants, and more). */
    private static final int MAX_SHARED_STRINGS = 32_768;
    private final HeldRecords held;
    private final CompactEvents compactEvents = new CompactEvents(MAX_SHARED_STRINGS);
    private final PartitionBook partitions = new PartitionBook();
    private final DelayedRecords delayed = new DelayedRecords();
    /** Fetches waiting for work, oldest first; bounded by {@code maxWaiters}. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final List<FailedHandoff> failedHandoffs = new ArrayList<>();
    private final DispatchCounters counters = new DispatchCounters();
    private final Map<Lane, Long> lagByLane = new EnumMap<>(Lane.class);
    /** ACKs replayed before their partition was assigned (the lanes start after the replay); handed over at assignment. */
    private final Map<SourcePartition, Set<Long>> ackedBeforeAssignment = new HashMap<>();
    private int ackedBeforeAssignmentCount;
    private final Map<Lane, Long> pollDelayMsByLane = new EnumMap<>(Lane.class);
    /** Every response up to this time has been read; lease expiry waits for it. Nothing is known read at start. */
    private Instant responsesReadUpTo = Instant.EPOCH;
    private int heldBackLeases;

    public DispatchService(OrchestratorSettings settings, StoredRecordCodec codec, HandoffWriter handoffs,
            RetryTopicLevels retryLevels, DispatchMetrics metrics, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.retryLevels = Objects.requireNonNull(retryLevels, "retryLevels");
        this.retryPolicy = new RetryPolicy(settings.retry());
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replicaIndex = settings.replica().index();
        this.queue = new DeadlineQueue(settings.dispatch());
        this.leases = new LeaseTable(replicaIndex, settings.leaseEpoch(), settings.lease());
        this.memory = new MemoryBudget(settings.memory());
        this.held = new HeldRecords(memory);
    }

    // ---- lane consumers ----

    /**
     * @throws IllegalArgumentException if a partition is not this replica's ({@code p mod N != i}): reading it would
     *                                  process another replica's work twice
     */
    @Override
    public PartitionControl onAssigned(Lane lane, Map<SourcePartition, CommittedPosition> committed) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(committed, "committed");
        for (SourcePartition partition : committed.keySet()) {
            if (!settings.replica().owns(partition.partition())) {
                throw new IllegalArgumentException(partition + " is not owned by replica " + replicaIndex + " of "
                        + settings.replica().replicas());
            }
        }
        synchronized (lock) {
            Instant now = clock.instant();
            for (Map.Entry<SourcePartition, CommittedPosition> entry : committed.entrySet()) {
                if (partitions.assign(lane, entry.getKey(), entry.getValue(), now, recentIdsFor(lane))) {
                    counters.corruptCommitMetadata++;
                }
                handOverEarlyAcks(partitions.find(entry.getKey()));
            }
            partitions.setReason(lane, PauseReason.MEMORY, memory.state(lane) == LaneState.PAUSED);
            return partitions.controlFor(lane);
        }
    }

    /** @throws IllegalStateException if a record comes from a partition not assigned to {@code lane} */
    @Override
    public PartitionControl onPolled(Lane lane, List<PolledRecord> records) {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(records, "records");
        AfterUnlock after = new AfterUnlock();
        PartitionControl control;
        synchronized (lock) {
            Instant now = clock.instant();
            // Placed before anything changes, so a record from a foreign partition rejects the whole poll.
            List<PartitionState> placed = new ArrayList<>(records.size());
            for (PolledRecord record : records) {
                SourcePosition source = record.source();
                placed.add(partitions.require(lane, new SourcePartition(source.topic(), source.partition())));
            }
            for (int i = 0; i < records.size(); i++) {
                accept(lane, placed.get(i), records.get(i), now, after);
            }
            notePollDelay(lane, records, now);
            settle(now, after);
            control = partitions.controlFor(lane);
        }
        runAfterUnlock(after);
        return control;
    }

    @Override
    public void onLag(Lane lane, long lag) {
        Objects.requireNonNull(lane, "lane");
        synchronized (lock) {
            lagByLane.put(lane, Math.max(0, lag));
        }
    }

    // ---- processors ----

    @Override
    public CompletableFuture<LeaseGrant> fetch(FetchTasksCommand command) {
        Objects.requireNonNull(command, "command");
        AfterUnlock after = new AfterUnlock();
        CompletableFuture<LeaseGrant> answer;
        boolean waiting = false;
        synchronized (lock) {
            Instant now = clock.instant();
            settle(now, after);
            List<QueuedTask> batch = queue.pollBatch(now, command.maxTasks(), command.maxBytes());
            if (!batch.isEmpty()) {
                answer = CompletableFuture.completedFuture(lease(batch, command, now, now));
            } else if (command.maxWait().isZero()) {
                answer = CompletableFuture.completedFuture(LeaseGrant.empty(replicaIndex));
            } else if (!hasRoomForWaiter()) {
                counters.refusedFetches++;
                answer = CompletableFuture.completedFuture(LeaseGrant.empty(replicaIndex));
            } else {
                answer = new CompletableFuture<>();
                waiters.addLast(new Waiter(command, answer, now));
                waiting = true;
            }
        }
        runAfterUnlock(after);
        if (waiting) {
            // The JDK's own delayer ends the wait; a grant that loses the race is handed back (see runAfterUnlock).
            answer.completeOnTimeout(LeaseGrant.empty(replicaIndex), command.maxWait().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    @Override
    public void onResponses(List<ProcessorResponse> responses, Instant readUpTo) {
        Objects.requireNonNull(responses, "responses");
        Objects.requireNonNull(readUpTo, "readUpTo");
        AfterUnlock after = new AfterUnlock();
        synchronized (lock) {
            Instant now = clock.instant();
            if (readUpTo.isAfter(responsesReadUpTo)) {
                responsesReadUpTo = readUpTo;
            }
            for (ProcessorResponse response : responses) {
                apply(response, now, after);
            }
            settle(now, after);
        }
        runAfterUnlock(after);
    }

    /** @throws IllegalArgumentException if {@code by} is not positive */
    @Override
    public ExtendOutcome extend(String leaseId, Duration by) {
        LeaseId id;
        try {
            id = LeaseId.parse(leaseId);
        } catch (IllegalArgumentException e) {
            // Not a lease id this service ever handed out.
            return new ExtendOutcome(ExtendOutcome.Status.UNKNOWN, Duration.ZERO, false);
        }
        synchronized (lock) {
            Instant now = clock.instant();
            ExtendResult result = leases.extend(id, now, by);
            if (result instanceof ExtendResult.Extended extended) {
                return new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.between(now, extended.expiresAt()),
                        extended.capped());
            }
            ExtendOutcome.Status status = result instanceof ExtendResult.Expired
                    ? ExtendOutcome.Status.EXPIRED : ExtendOutcome.Status.UNKNOWN;
            return new ExtendOutcome(status, Duration.ZERO, false);
        }
    }

    /** Ids that do not parse, or that are not the current delivery of a leased task, are not released. */
    @Override
    public int release(List<String> taskIds) {
        Objects.requireNonNull(taskIds, "taskIds");
        List<TaskId> ids = new ArrayList<>(taskIds.size());
        for (String text : taskIds) {
            try {
                ids.add(TaskId.parse(text));
            } catch (IllegalArgumentException e) {
                // Not a task this service leased; the count returned tells the caller.
                continue;
            }
        }
        AfterUnlock after = new AfterUnlock();
        int released;
        synchronized (lock) {
            Instant now = clock.instant();
            released = releaseLeased(ids);
            settle(now, after);
        }
        runAfterUnlock(after);
        return released;
    }

    // ---- ticker and committer ----

    /**
     * Expires leases the response path has caught up with (re-queueing them, or dead-lettering those past
     * {@code maxDeliveries}), lets due records into the queue, writes failed hand-offs again, and serves waiting
     * fetches. Called every 50-100 ms.
     */
    public void tick() {
        AfterUnlock after = new AfterUnlock();
        synchronized (lock) {
            Instant now = clock.instant();
            ExpiryResult expiry = leases.expire(now, responsesReadUpTo);
            for (ExpiryDecision decision : expiry.decisions()) {
                onExpired(decision, now, after);
            }
            heldBackLeases = expiry.heldBackLeases();
            if (heldBackLeases > 0) {
                counters.heldBackExpiries++;
            }
            metrics.onExpiriesHeldBack(heldBackLeases);
            retryFailedHandoffs(now, after);
            offloadUnderDeadlinePressure(now, after);
            waiters.removeIf(waiter -> waiter.answer.isDone());
            settle(now, after);
        }
        runAfterUnlock(after);
    }

    /**
     * What to commit now, per partition: the lowest offset not done with metadata naming completed offsets above it.
     * Only partitions whose position or metadata changed since their last successful commit, and unchanged ones once
     * {@code idleRecommitInterval} has passed, so group offsets do not expire. Report success with
     * {@link #onCommitted(Map)}.
     */
    public Map<SourcePartition, OffsetCommit> commitPositions() {
        synchronized (lock) {
            Map<SourcePartition, OffsetCommit> due = partitions.dueCommits(clock.instant(),
                    settings.idleRecommitInterval(), settings.maxCommitMetadataBytes());
            due.forEach((partition, commit) -> {
                if (commit.truncated()) {
                    counters.truncatedCommits++;
                    metrics.onCommitTruncated(partition, commit.droppedRanges());
                }
            });
            return Collections.unmodifiableMap(due);
        }
    }

    /** These positions were committed. */
    public void onCommitted(Map<SourcePartition, OffsetCommit> committed) {
        Objects.requireNonNull(committed, "committed");
        synchronized (lock) {
            partitions.onCommitted(committed, clock.instant());
        }
    }

    /**
     * Every response up to this time has been read; at start, the response partition is replayed once this passes the
     * start time.
     */
    public Instant responsesReadUpTo() {
        synchronized (lock) {
            return responsesReadUpTo;
        }
    }

    public OrchestratorStatus status() {
        synchronized (lock) {
            Instant now = clock.instant();
            Map<Lane, OrchestratorStatus.LaneStatus> lanes = new EnumMap<>(Lane.class);
            for (Lane lane : Lane.values()) {
                lanes.put(lane, laneStatus(lane, now));
            }
            int waiting = (int) waiters.stream().filter(waiter -> !waiter.answer.isDone()).count();
            return new OrchestratorStatus(
                    new OrchestratorStatus.Replica(replicaIndex, settings.replica().replicas(), partitions.owned()),
                    lanes,
                    new OrchestratorStatus.Leases(leases.leasedCount(), leases.activeLeases(), counters.expired,
                            heldBackLeases, waiting),
                    new OrchestratorStatus.Memory(memory.usedBytes(), memory.peakUsedBytes(),
                            memory.settings().totalBytes(),
                            partitions.dedupBytes()),
                    partitions.paused(),
                    counters.snapshot());
        }
    }

    // ---- polled records ----

    private void accept(Lane lane, PartitionState partition, PolledRecord polled, Instant now, AfterUnlock after) {
        long offset = polled.source().offset();
        // Re-read after a seek: already tracked.
        if (!partition.isNew(offset)) {
            refreshSpan(partition);
            return;
        }
        // Completed before a restart (named by the commit metadata), or ACKed by a response replayed before the poll.
        boolean doneBefore = partition.onPolled(offset) == PolledOffset.ALREADY_DONE;
        if (doneBefore || partition.takeAckedAhead(offset)) {
            if (!doneBefore) {
                partition.markDone(offset);
            }
            counters.skippedOnRestart++;
            refreshSpan(partition);
            return;
        }
        DecodedRecord decoded;
        try {
            decoded = codec.decode(polled.value());
        } catch (CorruptRecordException e) {
            EventRecord standIn = CorruptRecords.standIn(polled, lane);
            HeldRecord record = held.admit(lane, partition, polled.value(),
                    QueuedTask.of(polled.source(), standIn, polled.appendedAt()), HeldStage.HANDING_OFF);
            counters.corrupt++;
            metrics.onCorruptRecord(lane);
            after.handoffs.add(new PendingHandoff(record, standIn, new HandoffTarget.DeadLetter(
                    DeadLetterCause.CORRUPT_RECORD, DeadLetterCause.CORRUPT_RECORD.reason(), 0, 0)));
            refreshSpan(partition);
            return;
        }
        if (isCopy(partition, decoded.record(), now)) {
            partition.markDone(offset);
            counters.copiesDropped++;
            refreshSpan(partition);
            return;
        }
        EventRecord event = compactEvents.compact(decoded.record());
        Instant wake = wakeAt(lane, polled, event, now);
        QueuedTask task = new QueuedTask(polled.source(), event, orderingDeadline(lane, event, now),
                CompactEvents.heldBytes(polled.value().length, event));
        if (!wake.isAfter(now)) {
            held.admit(lane, partition, polled.value(), task, HeldStage.QUEUED).firstFailedAt = polled.firstFailedAt();
            offer(task);
        } else {
            HeldRecord record = held.admit(lane, partition, polled.value(), task, HeldStage.DELAYED);
            record.firstFailedAt = polled.firstFailedAt();
            if (lane == Lane.RETRY) {
                partition.onLevelWait();
                delayed.add(record, wake, Reentry.ROUTE);
            } else {
                route(record, now, after);
            }
        }
        refreshSpan(partition);
    }

    /**
     * When a polled record may be routed: a retry level's record at its level's due time (append time + the level's
     * delay), or at its {@code delay_until} if that comes first; any other record at its {@code delay_until}.
     */
    private Instant wakeAt(Lane lane, PolledRecord polled, EventRecord event, Instant now) {
        Instant due = event.delayUntil() == null ? now : event.delayUntil();
        if (lane != Lane.RETRY) {
            return due;
        }
        OptionalInt level = retryLevels.levelOf(polled.source().topic());
        if (level.isEmpty()) {
            return due;
        }
        int known = Math.min(level.getAsInt(), settings.retry().levels());
        Instant levelDue = polled.appendedAt().plus(retryPolicy.delayOf(known));
        return levelDue.isBefore(due) ? levelDue : due;
    }

    /**
     * Routes a delayed record whose wait is over or that is not due yet: into the queue when due, else to the retry
     * level for what is left (the timing wheel), else held in memory for the short rest.
     */
    private void route(HeldRecord record, Instant now, AfterUnlock after) {
        EventRecord event = record.task.event();
        Instant due = event.delayUntil();
        if (due == null || !due.isAfter(now)) {
            enterQueue(record, now);
            return;
        }
        OptionalInt level = retryPolicy.levelForDueIn(Duration.between(now, due));
        if (level.isPresent()) {
            counters.rerouted++;
            handOff(record, event, new HandoffTarget.RetryLevel(level.getAsInt()), after);
        } else {
            delayed.add(record, due, Reentry.OFFER);
        }
    }

    /** A delayed record is due: it joins the queue, ordered by {@code now + SLO} unless it is a fresh lane's. */
    private void enterQueue(HeldRecord record, Instant now) {
        if (!isFresh(record.lane)) {
            QueuedTask task = record.task;
            held.retask(record, new QueuedTask(task.source(), task.event(),
                    now.plus(settings.slo().sloOf(task.event().priority())), task.bytes()));
        }
        held.moveTo(record, HeldStage.QUEUED);
        offer(record.task);
    }

    private Instant orderingDeadline(Lane lane, EventRecord event, Instant now) {
        return isFresh(lane) ? event.sloDeadline() : now.plus(settings.slo().sloOf(event.priority()));
    }

    /**
     * A copy of an event this partition had within the dedup window (a producer's retry, a fallback copy re-driven by
     * recovery). The attempt and offload counts are part of the identity, so an event offloaded again is no copy.
     */
    private boolean isCopy(PartitionState partition, EventRecord event, Instant now) {
        if (partition.recentIds == null) {
            return false;
        }
        return !partition.recentIds.firstSeen(event.eventId() + '/' + event.attempt() + '/' + event.offloads(), now);
    }

    /** Retry topics carry an event again by design (each attempt, each level): only the other lanes drop copies. */
    private RecentIds recentIdsFor(Lane lane) {
        return lane == Lane.RETRY ? null : new RecentIds(settings.dedupWindow(), settings.dedupMaxEntries());
    }

    private void offer(QueuedTask task) {
        if (queue.offer(task) != OfferResult.QUEUED) {
            // Keys park only when a RETRY hands them to a retry topic, which this service does not do.
            throw new IllegalStateException("key " + task.orderingKey() + " is parked");
        }
    }

    /** Fresh lanes order by the deadline promised at ingest; offload and retry records by {@code now + SLO}. */
    private static boolean isFresh(Lane lane) {
        return switch (lane) {
            case P30, P20, P10 -> true;
            case OFFLOAD, RETRY -> false;
        };
    }

    private void notePollDelay(Lane lane, List<PolledRecord> records, Instant now) {
        if (!records.isEmpty()) {
            Instant newest = records.get(0).appendedAt();
            for (PolledRecord record : records) {
                if (record.appendedAt().isAfter(newest)) {
                    newest = record.appendedAt();
                }
            }
            pollDelayMsByLane.put(lane, Math.max(0, Duration.between(newest, now).toMillis()));
        } else if (memory.state(lane) == LaneState.RUNNING && !partitions.anyPaused(lane)) {
            // Nothing came although every partition may be read: the consumer has caught up.
            pollDelayMsByLane.put(lane, 0L);
        }
    }

    private void refreshSpan(PartitionState partition) {
        partition.setReason(PauseReason.SPAN, partition.spanExceeds(settings.maxUncommittedSpan()));
    }

    // ---- leases ----

    private LeaseGrant lease(List<QueuedTask> batch, FetchTasksCommand command, Instant now, Instant askedAt) {
        Lease lease = leases.grant(batch, now, command.requestedTtl(), command.processorId());
        List<GrantedTask> granted = new ArrayList<>(lease.tasks().size());
        long bytes = 0;
        for (LeasedTask leased : lease.tasks()) {
            HeldRecord record = held.require(leased.task().source());
            held.moveTo(record, HeldStage.LEASED);
            if (record.firstLeasedAt == null) {
                record.firstLeasedAt = now;
                maybeCountSlo(record.task.event(), now);
            }
            granted.add(new GrantedTask(leased.taskId(), record.stored));
            bytes += record.stored.length;
        }
        metrics.onLeased(granted.size(), bytes, Duration.between(askedAt, now));
        return new LeaseGrant(lease.id().asString(), lease.ttl(), replicaIndex, granted);
    }

    /** SLO met/missed counts once per event, at its first lease, against the deadline promised at ingest. */
    private void maybeCountSlo(EventRecord event, Instant now) {
        // A record with attempts behind it (back from a retry topic) was counted when it was first leased.
        if (event.attempt() > 0) {
            return;
        }
        boolean met = !now.isAfter(event.sloDeadline());
        counters.onSlo(event.priority(), met);
        metrics.onSlo(event.priority(), met);
    }

    private boolean hasIdleProcessors() {
        for (Waiter waiter : waiters) {
            if (!waiter.answer.isDone()) {
                return true;
            }
        }
        return false;
    }

    private boolean freshWorkQueued() {
        return held.count(Lane.P30, HeldStage.QUEUED) + held.count(Lane.P20, HeldStage.QUEUED)
                + held.count(Lane.P10, HeldStage.QUEUED) > 0;
    }

    private boolean hasRoomForWaiter() {
        waiters.removeIf(waiter -> waiter.answer.isDone());
        return waiters.size() < settings.maxWaiters();
    }

    /** Leases batches to waiting fetches, oldest first, while the queue has work for them. */
    private void serveWaiters(Instant now, AfterUnlock after) {
        Waiter waiter;
        while ((waiter = waiters.peekFirst()) != null) {
            if (waiter.answer.isDone()) {
                waiters.pollFirst();
                continue;
            }
            List<QueuedTask> batch = queue.pollBatch(now, waiter.command.maxTasks(), waiter.command.maxBytes());
            if (batch.isEmpty()) {
                return;
            }
            waiters.pollFirst();
            after.deliveries.add(new Delivery(waiter, lease(batch, waiter.command, now, waiter.since)));
        }
    }

    /** Hands the current deliveries among {@code ids} back to the queue, without counting a delivery. */
    private int releaseLeased(List<TaskId> ids) {
        ReleaseResult result = leases.release(ids);
        queue.release(result.released());
        for (QueuedTask task : result.released()) {
            held.moveTo(held.require(task.source()), HeldStage.QUEUED);
        }
        return result.released().size();
    }

    private void onExpired(ExpiryDecision decision, Instant now, AfterUnlock after) {
        HeldRecord record = held.require(decision.task().source());
        counters.expired++;
        metrics.onLeaseExpired(record.lane);
        if (decision instanceof ExpiryDecision.Requeue) {
            queue.release(List.of(decision.task()));
            held.moveTo(record, HeldStage.QUEUED);
        } else {
            // A poison event that kills its processors: the attempt counts as failed, like a RETRY.
            counters.escalations++;
            failedAttempt(record, decision.task(), null, DeadLetterCause.MAX_DELIVERIES, decision.deliveries(), now,
                    after);
        }
    }

    /**
     * Deadline pressure: while a surge pauses P20 or P30 for memory, queued P10 tasks already past their deadline cannot
     * be served in time; they move to offload (drained by spare capacity), freeing the memory the surge needs. Each
     * event moves at most {@code maxOffloads} times; a late task is still delivered and counted as an SLO miss.
     */
    private void offloadUnderDeadlinePressure(Instant now, AfterUnlock after) {
        if (settings.maxOffloads() == 0 || (memory.state(Lane.P20) != LaneState.PAUSED
                && memory.state(Lane.P30) != LaneState.PAUSED)) {
            return;
        }
        List<QueuedTask> overdue = queue.removeIf(task -> task.event().offloads() < settings.maxOffloads()
                && now.isAfter(task.event().sloDeadline())
                && held.require(task.source()).lane == Lane.P10);
        for (QueuedTask task : overdue) {
            HeldRecord record = held.require(task.source());
            counters.offloaded++;
            handOff(record, task.event().withOffloads(task.event().offloads() + 1), new HandoffTarget.Offload(),
                    after);
        }
    }

    // ---- responses ----

    private void apply(ProcessorResponse response, Instant now, AfterUnlock after) {
        TaskId id = response.taskId();
        ResponseOutcome outcome = switch (response.outcome()) {
            case ACK -> leases.onAck(id);
            case RETRY -> leases.onRetry(id);
            case FAIL -> leases.onFail(id);
        };
        if (outcome instanceof ResponseOutcome.Completed completed) {
            onCompleted(completed);
        } else if (outcome instanceof ResponseOutcome.Retrying retrying) {
            onRetrying(retrying.task(), response, now, after);
        } else if (outcome instanceof ResponseOutcome.Failed failed) {
            onFailed(failed.task(), response, after);
        } else if (outcome instanceof ResponseOutcome.Late) {
            counters.lateResponses++;
            metrics.onResponse(ResponseKind.LATE);
        } else if (outcome instanceof ResponseOutcome.Duplicate) {
            counters.duplicates++;
            metrics.onResponse(ResponseKind.DUPLICATE);
        } else if (outcome instanceof ResponseOutcome.Unknown) {
            if (response.outcome() == ProcessorResponse.Outcome.ACK && completeUnleased(id.source())) {
                counters.replayedAcks++;
                metrics.onResponse(ResponseKind.ACK);
                return;
            }
            counters.unknown++;
            metrics.onResponse(ResponseKind.UNKNOWN);
        } else {
            throw new IllegalStateException("unhandled response outcome " + outcome);
        }
    }

    /**
     * An ACK for a task this run never leased: one an earlier run of the replica leased, replayed from the response
     * topic after a restart. The work was done, so the record is completed while it waits in the queue, or
     * remembered and skipped when it is polled (bounded by the uncommitted span). False when neither applies.
     */
    private boolean completeUnleased(SourcePosition source) {
        HeldRecord record = held.find(source);
        if (record != null) {
            if (record.stage != HeldStage.QUEUED || queue.remove(source).isEmpty()) {
                return false;
            }
            complete(record);
            return true;
        }
        SourcePartition sourcePartition = new SourcePartition(source.topic(), source.partition());
        PartitionState partition = partitions.find(sourcePartition);
        if (partition == null) {
            if (!settings.replica().owns(source.partition()) || ackedBeforeAssignmentCount >= earlyAckLimit()) {
                return false;
            }
            if (ackedBeforeAssignment.computeIfAbsent(sourcePartition, ignored -> new HashSet<>())
                    .add(source.offset())) {
                ackedBeforeAssignmentCount++;
            }
            return true;
        }
        return partition.isNew(source.offset()) && partition.rememberAckedAhead(source.offset(), earlyAckLimit());
    }

    /** Early ACKs of a partition just assigned: those above its committed position wait for their records. */
    private void handOverEarlyAcks(PartitionState partition) {
        Set<Long> offsets = ackedBeforeAssignment.remove(partition.partition);
        if (offsets == null) {
            return;
        }
        ackedBeforeAssignmentCount -= offsets.size();
        for (long offset : offsets) {
            if (partition.isNew(offset)) {
                partition.rememberAckedAhead(offset, earlyAckLimit());
            }
        }
    }

    /** Early ACKs remembered per partition (and before assignment, in all): the uncommitted span bounds both. */
    private int earlyAckLimit() {
        return (int) Math.min(Integer.MAX_VALUE, settings.maxUncommittedSpan());
    }

    /** An ACK from any delivery: the work was done. */
    private void onCompleted(ResponseOutcome.Completed completed) {
        QueuedTask task = completed.task();
        HeldRecord record = held.require(task.source());
        if (completed.inQueue()) {
            // Back in the queue after an expiry or release: that already ended the key's lease.
            queue.remove(task.source()).orElseThrow(
                    () -> new IllegalStateException(task.source() + " should be back in the deadline queue"));
        } else {
            queue.onDone(task);
        }
        complete(record);
        counters.acks++;
        metrics.onResponse(ResponseKind.ACK);
    }

    /** A RETRY from the current delivery: a failed attempt, with the processor's retry-after as a hint. */
    private void onRetrying(QueuedTask task, ProcessorResponse response, Instant now, AfterUnlock after) {
        counters.retries++;
        metrics.onResponse(ResponseKind.RETRY);
        failedAttempt(held.require(task.source()), task, response.retryAfter(), DeadLetterCause.RETRIES_EXHAUSTED,
                response.taskId().delivery(), now, after);
    }

    /**
     * A failed attempt goes where the retry policy says: back into memory for a short delay, to the retry level of a
     * longer one (with {@code delay_until}), or to the DLQ once the budget is spent. The lease table forgets the task,
     * so its deliveries count from 1 again.
     *
     * <p>Under strict key ordering a retry never leaves memory: the key's later tasks must not overtake it, and they
     * would if it travelled through a retry topic while they are served.
     */
    private void failedAttempt(HeldRecord record, QueuedTask task, Duration hint, DeadLetterCause exhausted,
            int deliveries, Instant now, AfterUnlock after) {
        int attempts = task.event().attempt() + 1;
        if (record.firstFailedAt == null) {
            record.firstFailedAt = now;
        }
        RetryDecision decision = retryPolicy.onRetry(attempts, hint);
        if (decision instanceof RetryDecision.ToRetryTopic toTopic && settings.dispatch().strictKeyOrdering()
                && task.isKeyed()) {
            decision = new RetryDecision.HoldInMemory(toTopic.delay());
        }
        EventRecord event = task.event().withAttempt(attempts);
        if (decision instanceof RetryDecision.ToDeadLetter toDeadLetter) {
            queue.onDone(task);
            String reason = exhausted == DeadLetterCause.RETRIES_EXHAUSTED
                    ? toDeadLetter.reason() : exhausted.reason() + "; " + toDeadLetter.reason();
            handOff(record, event.withLastError(reason),
                    new HandoffTarget.DeadLetter(exhausted, reason, deliveries, attempts), after);
        } else if (decision instanceof RetryDecision.ToRetryTopic toTopic) {
            queue.onDone(task);
            counters.onRetryLevel(toTopic.level());
            metrics.onRetryScheduled(record.lane, toTopic.level());
            handOff(record, event.withDelayUntil(now.plus(toTopic.delay())),
                    new HandoffTarget.RetryLevel(toTopic.level()), after);
        } else {
            holdInMemory(record, task, event, ((RetryDecision.HoldInMemory) decision).delay(), now);
        }
    }

    /** Served again from memory after {@code delay}, ordered by {@code due + SLO} like a record back from a topic. */
    private void holdInMemory(HeldRecord record, QueuedTask task, EventRecord event, Duration delay, Instant now) {
        Instant due = now.plus(delay);
        QueuedTask again = new QueuedTask(task.source(), event, due.plus(settings.slo().sloOf(event.priority())),
                task.bytes());
        DecodedRecord polled = codec.decode(record.stored);
        record.stored = codec.encode(polled.record().withAttempt(event.attempt()), polled.lane());
        held.retask(record, again);
        counters.retriedInMemory++;
        metrics.onRetryScheduled(record.lane, 0);
        if (delay.isZero()) {
            queue.release(List.of(again));
            held.moveTo(record, HeldStage.QUEUED);
        } else {
            held.moveTo(record, HeldStage.DELAYED);
            delayed.add(record, due, Reentry.RELEASE);
        }
    }

    private void onFailed(QueuedTask task, ProcessorResponse response, AfterUnlock after) {
        HeldRecord record = held.require(task.source());
        queue.onDone(task);
        String reason = response.reason() == null || response.reason().isBlank()
                ? DeadLetterCause.PROCESSOR_FAIL.reason() : response.reason();
        int attempts = task.event().attempt() + 1;
        if (record.firstFailedAt == null) {
            record.firstFailedAt = clock.instant();
        }
        handOff(record, task.event().withAttempt(attempts).withLastError(reason), new HandoffTarget.DeadLetter(
                DeadLetterCause.PROCESSOR_FAIL, reason, response.taskId().delivery(), attempts), after);
        counters.fails++;
        metrics.onResponse(ResponseKind.FAIL);
    }

    // ---- hand-offs ----

    /** {@code event} is the record as it should go out, without payload: the write adds the polled payload back. */
    private void handOff(HeldRecord record, EventRecord event, HandoffTarget target, AfterUnlock after) {
        held.moveTo(record, HeldStage.HANDING_OFF);
        after.handoffs.add(new PendingHandoff(record, event, target));
    }

    private void retryFailedHandoffs(Instant now, AfterUnlock after) {
        Iterator<FailedHandoff> failed = failedHandoffs.iterator();
        while (failed.hasNext()) {
            FailedHandoff next = failed.next();
            if (!next.retryAt.isAfter(now)) {
                failed.remove();
                after.handoffs.add(next.handoff);
            }
        }
    }

    /** Writes outside the lock; the record is done only once the write is acked. */
    private void startHandoff(PendingHandoff pending) {
        CompletableFuture<Void> write;
        try {
            write = handoffs.write(new Handoff(pending.target, outgoing(pending), pending.record.task.source(),
                    pending.record.firstFailedAt));
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        write.whenComplete((ignored, failure) -> onHandoffWritten(pending, failure));
    }

    /** The full event (the queue kept it without payload) as the hand-off decided it. */
    private EventRecord outgoing(PendingHandoff pending) {
        if (pending.target instanceof HandoffTarget.DeadLetter deadLetter
                && deadLetter.cause() == DeadLetterCause.CORRUPT_RECORD) {
            return pending.event;
        }
        EventRecord as = pending.event;
        return codec.decode(pending.record.stored).record()
                .withAttempt(as.attempt())
                .withOffloads(as.offloads())
                .withDelayUntil(as.delayUntil())
                .withLastError(as.lastError());
    }

    private void onHandoffWritten(PendingHandoff pending, Throwable failure) {
        AfterUnlock after = new AfterUnlock();
        synchronized (lock) {
            Instant now = clock.instant();
            Lane lane = pending.record.lane;
            if (failure == null) {
                complete(pending.record);
                if (pending.target instanceof HandoffTarget.DeadLetter deadLetter) {
                    counters.deadLettered++;
                    metrics.onDeadLettered(lane, deadLetter.cause());
                }
            } else {
                counters.handoffFailures++;
                metrics.onHandoffFailed(lane);
                failedHandoffs.add(new FailedHandoff(pending, now.plus(settings.handoffRetryDelay())));
            }
            settle(now, after);
        }
        runAfterUnlock(after);
    }

    // ---- shared steps ----

    /** The record's offset is done: it may be committed past, and its memory is free. */
    private void complete(HeldRecord record) {
        record.partition.markDone(record.offset());
        held.moveTo(record, HeldStage.DONE);
        refreshSpan(record.partition);
    }

    /** After any change: due records enter the queue, lanes pause or resume by memory, waiting fetches are served. */
    private void settle(Instant now, AfterUnlock after) {
        for (DelayedRecords.Entry entry : delayed.pollDue(now)) {
            HeldRecord record = entry.record();
            switch (entry.reentry()) {
                case OFFER -> enterQueue(record, now);
                case RELEASE -> {
                    held.moveTo(record, HeldStage.QUEUED);
                    queue.release(List.of(record.task));
                }
                case ROUTE -> {
                    record.partition.onLevelWaitOver();
                    route(record, now, after);
                }
            }
        }
        for (LaneDecision decision : memory.evaluate()) {
            partitions.setReason(decision.lane(), PauseReason.MEMORY, decision instanceof LaneDecision.PauseLane);
        }
        serveWaiters(now, after);
        partitions.setReason(Lane.OFFLOAD, PauseReason.BUSY, !hasIdleProcessors() && freshWorkQueued());
    }

    /** Completes waiting fetches and starts hand-off writes; never called with the lock held. */
    private void runAfterUnlock(AfterUnlock after) {
        for (Delivery delivery : after.deliveries) {
            if (!delivery.waiter.answer.complete(delivery.grant)) {
                handBack(delivery.grant);
            }
        }
        for (PendingHandoff handoff : after.handoffs) {
            startHandoff(handoff);
        }
    }

    /** The fetch timed out while its grant was on the way: the tasks go back without counting a delivery. */
    private void handBack(LeaseGrant grant) {
        AfterUnlock after = new AfterUnlock();
        synchronized (lock) {
            Instant now = clock.instant();
            releaseLeased(grant.tasks().stream().map(GrantedTask::taskId).toList());
            settle(now, after);
        }
        runAfterUnlock(after);
    }

    private OrchestratorStatus.LaneStatus laneStatus(Lane lane, Instant now) {
        long buffered = (long) held.count(lane, HeldStage.QUEUED) + held.count(lane, HeldStage.DELAYED);
        boolean paused = memory.state(lane) == LaneState.PAUSED || partitions.anyPaused(lane);
        return new OrchestratorStatus.LaneStatus(buffered, memory.usedBytes(lane), paused, oldestAgeMs(lane, now),
                pollDelayMsByLane.getOrDefault(lane, 0L), lagByLane.getOrDefault(lane, 0L));
    }

    /** The oldest unfinished record of each partition is the one at its committable offset. */
    private long oldestAgeMs(Lane lane, Instant now) {
        Instant oldest = null;
        for (PartitionState partition : partitions.ofLane(lane)) {
            long offset = partition.oldestPending();
            if (offset < 0) {
                continue;
            }
            HeldRecord record = held.find(new SourcePosition(partition.partition.topic(),
                    partition.partition.partition(), offset));
            Instant ingestedAt = record == null ? null : record.task.event().ingestedAt();
            if (ingestedAt != null && (oldest == null || ingestedAt.isBefore(oldest))) {
                oldest = ingestedAt;
            }
        }
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis());
    }

    /** A fetch waiting for work since {@code since}. */
    private record Waiter(FetchTasksCommand command, CompletableFuture<LeaseGrant> answer, Instant since) {
    }

    /** A grant for a waiting fetch, to complete once the lock is released. */
    private record Delivery(Waiter waiter, LeaseGrant grant) {
    }

    /** A record on its way out; {@code event} is as it should go out, payload-less (or the corrupt stand-in). */
    private record PendingHandoff(HeldRecord record, EventRecord event, HandoffTarget target) {
    }

    private record FailedHandoff(PendingHandoff handoff, Instant retryAt) {
    }

    /** Work decided under the lock and carried out after it is released. */
    private static final class AfterUnlock {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<PendingHandoff> handoffs = new ArrayList<>();
    }
}
