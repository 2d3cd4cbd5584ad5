package io.eventgateway.application.dispatch;

import io.eventgateway.application.dispatch.DelayedRecords.Reentry;
import io.eventgateway.application.dispatch.DispatchMetrics.ResponseKind;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.dispatch.DeadlineQueue;
import io.eventgateway.domain.dispatch.OfferResult;
import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final DeadLetterWriter deadLetters;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final int replicaIndex;

    private final Object lock = new Object();
    private final DeadlineQueue queue;
    private final LeaseTable leases;
    private final MemoryBudget memory;
    private final HeldRecords held;
    private final PartitionBook partitions = new PartitionBook();
    private final DelayedRecords delayed = new DelayedRecords();
    /** Fetches waiting for work, oldest first; bounded by {@code maxWaiters}. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final List<FailedHandoff> failedHandoffs = new ArrayList<>();
    private final DispatchCounters counters = new DispatchCounters();
    private final Map<Lane, Long> lagByLane = new EnumMap<>(Lane.class);
    private final Map<Lane, Long> pollDelayMsByLane = new EnumMap<>(Lane.class);
    /** Every response up to this time has been read; lease expiry waits for it. Nothing is known read at start. */
    private Instant responsesReadUpTo = Instant.EPOCH;
    private int heldBackLeases;

    public DispatchService(OrchestratorSettings settings, StoredRecordCodec codec, DeadLetterWriter deadLetters,
            DispatchMetrics metrics, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
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
                if (partitions.assign(lane, entry.getKey(), entry.getValue(), now)) {
                    counters.corruptCommitMetadata++;
                }
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
                onExpired(decision, after);
            }
            heldBackLeases = expiry.heldBackLeases();
            if (heldBackLeases > 0) {
                counters.heldBackExpiries++;
            }
            metrics.onExpiriesHeldBack(heldBackLeases);
            retryFailedHandoffs(now, after);
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
                    new OrchestratorStatus.Memory(memory.usedBytes(), memory.settings().totalBytes()),
                    partitions.paused(),
                    counters.snapshot());
        }
    }

    // ---- polled records ----

    private void accept(Lane lane, PartitionState partition, PolledRecord polled, Instant now, AfterUnlock after) {
        long offset = polled.source().offset();
        // Re-read after a seek (already tracked), or completed before a restart (named by the commit metadata).
        if (!partition.isNew(offset) || partition.onPolled(offset) == PolledOffset.ALREADY_DONE) {
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
            after.handoffs.add(new Handoff(record, standIn, DeadLetterCause.CORRUPT_RECORD,
                    DeadLetterCause.CORRUPT_RECORD.reason(), 0));
            refreshSpan(partition);
            return;
        }
        // Processors get the polled bytes, so the queue keeps the event without its payload: memory holds it once.
        EventRecord event = withoutPayload(decoded.record());
        Instant delayUntil = event.delayUntil();
        boolean notDue = delayUntil != null && delayUntil.isAfter(now);
        Instant entersQueue = notDue ? delayUntil : now;
        Instant orderingDeadline = isFresh(lane)
                ? event.sloDeadline() : entersQueue.plus(settings.slo().sloOf(event.priority()));
        QueuedTask task = new QueuedTask(polled.source(), event, orderingDeadline,
                polled.value().length + event.heldBytes());
        if (notDue) {
            delayed.add(held.admit(lane, partition, polled.value(), task, HeldStage.DELAYED), delayUntil,
                    Reentry.OFFER);
        } else {
            held.admit(lane, partition, polled.value(), task, HeldStage.QUEUED);
            offer(task);
        }
        refreshSpan(partition);
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

    private static EventRecord withoutPayload(EventRecord event) {
        return new EventRecord(event.eventId(), event.companyId(), event.sourceName(), event.eventType(),
                event.groupKey(), Payload.empty(), event.attributes(), event.priority(), event.ingestedAt(),
                event.sloDeadline(), event.attempt(), event.offloads(), event.delayUntil(), event.lastError());
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

    private void onExpired(ExpiryDecision decision, AfterUnlock after) {
        HeldRecord record = held.require(decision.task().source());
        counters.expired++;
        metrics.onLeaseExpired(record.lane);
        if (decision instanceof ExpiryDecision.Requeue) {
            queue.release(List.of(decision.task()));
            held.moveTo(record, HeldStage.QUEUED);
        } else {
            queue.onDone(decision.task().orderingKey());
            handOff(record, DeadLetterCause.MAX_DELIVERIES, DeadLetterCause.MAX_DELIVERIES.reason(),
                    decision.deliveries(), after);
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
            onRetrying(retrying.task(), response.retryAfter(), now);
        } else if (outcome instanceof ResponseOutcome.Failed failed) {
            onFailed(failed.task(), response, after);
        } else if (outcome instanceof ResponseOutcome.Late) {
            counters.lateResponses++;
            metrics.onResponse(ResponseKind.LATE);
        } else if (outcome instanceof ResponseOutcome.Duplicate) {
            counters.duplicates++;
            metrics.onResponse(ResponseKind.DUPLICATE);
        } else if (outcome instanceof ResponseOutcome.Unknown) {
            counters.unknown++;
            metrics.onResponse(ResponseKind.UNKNOWN);
        } else {
            throw new IllegalStateException("unhandled response outcome " + outcome);
        }
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
            queue.onDone(task.orderingKey());
        }
        complete(record);
        counters.acks++;
        metrics.onResponse(ResponseKind.ACK);
    }

    /**
     * A RETRY from the current delivery: served again from memory with attempt + 1 after the in-memory retry delay
     * (a hint may shorten it), ordered by {@code due + SLO} like a record back from a retry topic.
     *
     * <p>The lease table resolves a RETRYed task and forgets it, so its deliveries count from 1 again, and an ACK that
     * an older, expired delivery sends afterwards counts as a duplicate: the record is served again (at-least-once).
     * The retry policy of issue 6 takes this path over.
     */
    private void onRetrying(QueuedTask task, Duration retryAfter, Instant now) {
        HeldRecord record = held.require(task.source());
        Duration delay = retryDelay(retryAfter);
        Instant due = now.plus(delay);
        EventRecord event = task.event().withAttempt(task.event().attempt() + 1);
        QueuedTask again = new QueuedTask(task.source(), event, due.plus(settings.slo().sloOf(event.priority())),
                task.bytes());
        held.retask(record, again);
        if (delay.isZero()) {
            queue.release(List.of(again));
            held.moveTo(record, HeldStage.QUEUED);
        } else {
            held.moveTo(record, HeldStage.DELAYED);
            delayed.add(record, due, Reentry.RELEASE);
        }
        counters.retries++;
        metrics.onResponse(ResponseKind.RETRY);
    }

    private Duration retryDelay(Duration hint) {
        Duration longest = settings.inMemoryRetryDelay();
        if (hint == null) {
            return longest;
        }
        if (hint.isNegative()) {
            return Duration.ZERO;
        }
        return hint.compareTo(longest) < 0 ? hint : longest;
    }

    private void onFailed(QueuedTask task, ProcessorResponse response, AfterUnlock after) {
        HeldRecord record = held.require(task.source());
        queue.onDone(task.orderingKey());
        String reason = response.reason() == null || response.reason().isBlank()
                ? DeadLetterCause.PROCESSOR_FAIL.reason() : response.reason();
        handOff(record, DeadLetterCause.PROCESSOR_FAIL, reason, response.taskId().delivery(), after);
        counters.fails++;
        metrics.onResponse(ResponseKind.FAIL);
    }

    // ---- hand-offs ----

    private void handOff(HeldRecord record, DeadLetterCause cause, String reason, int deliveries, AfterUnlock after) {
        held.moveTo(record, HeldStage.HANDING_OFF);
        after.handoffs.add(new Handoff(record, record.task.event(), cause, reason, deliveries));
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
    private void startHandoff(Handoff handoff) {
        CompletableFuture<Void> write;
        try {
            write = deadLetters.write(deadLetterRecord(handoff), handoff.record.task.source(), handoff.reason,
                    handoff.deliveries);
        } catch (RuntimeException e) {
            write = CompletableFuture.failedFuture(e);
        }
        write.whenComplete((ignored, failure) -> onHandoffWritten(handoff, failure));
    }

    /** The full event (the queue kept it without payload) with its attempts so far and why it failed. */
    private EventRecord deadLetterRecord(Handoff handoff) {
        if (handoff.cause == DeadLetterCause.CORRUPT_RECORD) {
            return handoff.event;
        }
        return codec.decode(handoff.record.stored).record()
                .withAttempt(handoff.event.attempt())
                .withLastError(handoff.reason);
    }

    private void onHandoffWritten(Handoff handoff, Throwable failure) {
        AfterUnlock after = new AfterUnlock();
        synchronized (lock) {
            Instant now = clock.instant();
            Lane lane = handoff.record.lane;
            if (failure == null) {
                complete(handoff.record);
                counters.deadLettered++;
                metrics.onDeadLettered(lane, handoff.cause);
            } else {
                counters.handoffFailures++;
                metrics.onHandoffFailed(lane);
                failedHandoffs.add(new FailedHandoff(handoff, now.plus(settings.handoffRetryDelay())));
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
            held.moveTo(record, HeldStage.QUEUED);
            if (entry.reentry() == Reentry.OFFER) {
                offer(record.task);
            } else {
                queue.release(List.of(record.task));
            }
        }
        for (LaneDecision decision : memory.evaluate()) {
            partitions.setReason(decision.lane(), PauseReason.MEMORY, decision instanceof LaneDecision.PauseLane);
        }
        serveWaiters(now, after);
    }

    /** Completes waiting fetches and starts hand-off writes; never called with the lock held. */
    private void runAfterUnlock(AfterUnlock after) {
        for (Delivery delivery : after.deliveries) {
            if (!delivery.waiter.answer.complete(delivery.grant)) {
                handBack(delivery.grant);
            }
        }
        for (Handoff handoff : after.handoffs) {
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

    /** A record on its way to the dead-letter topic; {@code event} is the queue's (payload-less) or the stand-in. */
    private record Handoff(HeldRecord record, EventRecord event, DeadLetterCause cause, String reason,
            int deliveries) {
    }

    private record FailedHandoff(Handoff handoff, Instant retryAt) {
    }

    /** Work decided under the lock and carried out after it is released. */
    private static final class AfterUnlock {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<Handoff> handoffs = new ArrayList<>();
    }
}
