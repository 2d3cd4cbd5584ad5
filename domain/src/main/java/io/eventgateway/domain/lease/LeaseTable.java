package io.eventgateway.domain.lease;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The leases of one orchestrator replica: which tasks are out with which processor until when, how many deliveries
 * each task has had, and what a response or an expiry means for it. Single-threaded: the caller serialises access.
 *
 * <p>The table tracks a task from its first lease until it is resolved (DONE, RETRYING, DEAD) or {@linkplain
 * #forget forgotten}; in between it is LEASED or, after an expiry or release, BUFFERED (back in the deadline queue).
 *
 * <p><b>Delivery numbers.</b> Every grant of a task gets the next delivery number in its {@link TaskId}, so each
 * lease of a task is distinguishable and a RETRY or FAIL from an earlier one is recognised as late. Only deliveries
 * that end by expiry count toward {@code maxDeliveries}; a release never does. An ACK from any delivery completes
 * the task, since the work was done.
 *
 * <p><b>Invariants.</b> A tracked task is in at most one active lease, and it is LEASED exactly when it is in one.
 * {@code leasedCount} and {@code leasedBytes} are the count and byte sum of LEASED tasks. Every active lease is in
 * the expiry index under its current expiry, which never passes {@code leasedAt + maxLeaseTotal}.
 */
public final class LeaseTable {

    private static final Comparator<ActiveLease> BY_EXPIRY =
            Comparator.comparing((ActiveLease lease) -> lease.expiresAt).thenComparingLong(lease -> lease.id.sequence());

    private final int replicaIndex;
    private final long epoch;
    private final LeaseSettings settings;
    private final Map<SourcePosition, Tracked> tracked = new HashMap<>();
    private final Map<LeaseId, ActiveLease> leases = new HashMap<>();
    private final TreeSet<ActiveLease> byExpiry = new TreeSet<>(BY_EXPIRY);
    private final Set<SourcePosition> recentlyResolved;
    private long leaseSequence;
    private int leasedCount;
    private long leasedBytes;

    /**
     * @param replicaIndex the replica whose response partition the task ids route to
     * @param epoch        differs between runs of the replica (its start time in ms, say), so lease ids do not repeat
     */
    public LeaseTable(int replicaIndex, long epoch, LeaseSettings settings) {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must be >= 0, was " + replicaIndex);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        this.replicaIndex = replicaIndex;
        this.epoch = epoch;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recentlyResolved = boundedSet(settings.rememberedResolutions());
    }

    /**
     * Leases a batch to a processor for {@code min(requestedTtl, defaultTtl)} ({@code defaultTtl} when null).
     *
     * @throws IllegalArgumentException if the batch is empty or names a task twice
     * @throws IllegalStateException    if a task is already leased: a task is in at most one active lease
     */
    public Lease grant(List<QueuedTask> tasks, Instant now, Duration requestedTtl, String processorId) {
        Objects.requireNonNull(now, "now");
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a lease holds at least one task");
        }
        if (processorId == null || processorId.isEmpty()) {
            throw new IllegalArgumentException("processorId must not be empty");
        }
        if (requestedTtl != null && (requestedTtl.isNegative() || requestedTtl.isZero())) {
            throw new IllegalArgumentException("requested ttl must be positive, was " + requestedTtl);
        }
        requireLeasable(tasks);
        Duration ttl = requestedTtl == null || requestedTtl.compareTo(settings.defaultTtl()) > 0
                ? settings.defaultTtl() : requestedTtl;
        LeaseId id = new LeaseId(replicaIndex, epoch, ++leaseSequence);
        ActiveLease lease = new ActiveLease(id, now, now.plus(ttl));
        List<LeasedTask> leased = new ArrayList<>(tasks.size());
        for (QueuedTask task : tasks) {
            Tracked entry = tracked.computeIfAbsent(task.source(), source -> new Tracked());
            entry.task = task;
            entry.state = entry.state.transitionTo(TaskState.LEASED);
            entry.grants++;
            entry.lease = lease;
            lease.tasks.add(entry);
            lease.open++;
            leasedCount++;
            leasedBytes += task.bytes();
            leased.add(new LeasedTask(TaskId.of(replicaIndex, task.source(), entry.grants), task, entry.grants == 1));
        }
        leases.put(id, lease);
        byExpiry.add(lease);
        return new Lease(id, processorId, now, ttl, lease.expiresAt, leased);
    }

    /** Moves the lease's expiry to {@code now + by}, never earlier than it was, never past the lease's total cap. */
    public ExtendResult extend(LeaseId id, Instant now, Duration by) {
        Objects.requireNonNull(now, "now");
        if (by == null || by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("extension must be positive, was " + by);
        }
        ActiveLease lease = leases.get(id);
        if (lease == null) {
            return new ExtendResult.UnknownLease(id);
        }
        if (!lease.expiresAt.isAfter(now)) {
            return new ExtendResult.Expired(id);
        }
        Instant cap = lease.leasedAt.plus(settings.maxLeaseTotal());
        Instant requested = now.plus(by);
        boolean capped = requested.isAfter(cap);
        Instant target = capped ? cap : requested;
        if (target.isAfter(lease.expiresAt)) {
            byExpiry.remove(lease);
            lease.expiresAt = target;
            byExpiry.add(lease);
        }
        return new ExtendResult.Extended(id, lease.expiresAt, capped);
    }

    /** An ACK from any delivery of a tracked task completes it and cancels its current lease entry. */
    public ResponseOutcome onAck(TaskId taskId) {
        Tracked entry = trackedFor(taskId);
        if (entry == null) {
            return untracked(taskId);
        }
        boolean inQueue = entry.state == TaskState.BUFFERED;
        resolve(entry, TaskState.DONE);
        return new ResponseOutcome.Completed(entry.task, inQueue);
    }

    /** A RETRY applies only from the current delivery of a leased task; otherwise it is late. */
    public ResponseOutcome onRetry(TaskId taskId) {
        Tracked entry = trackedFor(taskId);
        if (entry == null) {
            return untracked(taskId);
        }
        if (!isCurrentLease(entry, taskId)) {
            return new ResponseOutcome.Late(taskId);
        }
        resolve(entry, TaskState.RETRYING);
        return new ResponseOutcome.Retrying(entry.task, entry.expiries);
    }

    /** A FAIL applies only from the current delivery of a leased task; otherwise it is late. */
    public ResponseOutcome onFail(TaskId taskId) {
        Tracked entry = trackedFor(taskId);
        if (entry == null) {
            return untracked(taskId);
        }
        if (!isCurrentLease(entry, taskId)) {
            return new ResponseOutcome.Late(taskId);
        }
        resolve(entry, TaskState.DEAD);
        return new ResponseOutcome.Failed(entry.task);
    }

    /**
     * Expires the leases due by {@code min(now, responsesReadUpTo)}. Expiry waits for the ACK path: while responses
     * are read only up to an earlier time, a lease due after that time may still have an ACK on its way, and expiring
     * it would re-deliver (or escalate) work that was done. Each expired task counts a delivery and is re-queued, or
     * escalated once it reached {@code maxDeliveries}.
     */
    public ExpiryResult expire(Instant now, Instant responsesReadUpTo) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(responsesReadUpTo, "responsesReadUpTo");
        Instant limit = responsesReadUpTo.isBefore(now) ? responsesReadUpTo : now;
        List<ExpiryDecision> decisions = new ArrayList<>();
        while (!byExpiry.isEmpty() && !byExpiry.first().expiresAt.isAfter(limit)) {
            ActiveLease lease = byExpiry.pollFirst();
            leases.remove(lease.id);
            for (Tracked entry : lease.tasks) {
                if (entry.lease == lease) {
                    decisions.add(expireOne(entry));
                }
            }
        }
        int heldBack = 0;
        for (ActiveLease lease : byExpiry) {
            if (lease.expiresAt.isAfter(now)) {
                break;
            }
            heldBack++;
        }
        return new ExpiryResult(decisions, heldBack);
    }

    /** Hands back leased tasks (current deliveries only) without counting a delivery. */
    public ReleaseResult release(List<TaskId> taskIds) {
        List<QueuedTask> released = new ArrayList<>(taskIds.size());
        int ignored = 0;
        for (TaskId taskId : taskIds) {
            Tracked entry = trackedFor(taskId);
            if (entry == null || !isCurrentLease(entry, taskId)) {
                ignored++;
                continue;
            }
            leaveLease(entry);
            entry.state = entry.state.transitionTo(TaskState.BUFFERED);
            released.add(entry.task);
        }
        return new ReleaseResult(released, ignored);
    }

    /**
     * Stops tracking a BUFFERED task that left the deadline queue by another way (offload, a partition given up), so
     * the table does not hold it forever. Returns false when the task is not tracked.
     *
     * @throws IllegalStateException if the task is leased: its lease must end first
     */
    public boolean forget(SourcePosition source) {
        Tracked entry = tracked.get(source);
        if (entry == null) {
            return false;
        }
        if (entry.state == TaskState.LEASED) {
            throw new IllegalStateException("cannot forget leased task " + source);
        }
        tracked.remove(source);
        return true;
    }

    /** The task's state, or null when the table does not track it. */
    public TaskState stateOf(SourcePosition source) {
        Tracked entry = tracked.get(source);
        return entry == null ? null : entry.state;
    }

    public int leasedCount() {
        return leasedCount;
    }

    public long leasedBytes() {
        return leasedBytes;
    }

    public int activeLeases() {
        return leases.size();
    }

    /** Tasks tracked: leased, or back in the queue after an expiry or release. */
    public int trackedCount() {
        return tracked.size();
    }

    private void requireLeasable(List<QueuedTask> tasks) {
        Set<SourcePosition> seen = new HashSet<>();
        for (QueuedTask task : tasks) {
            Objects.requireNonNull(task, "task");
            if (!seen.add(task.source())) {
                throw new IllegalArgumentException("batch names " + task.source() + " twice");
            }
            Tracked entry = tracked.get(task.source());
            if (entry != null && entry.state == TaskState.LEASED) {
                throw new IllegalStateException(task.source() + " is already leased under " + entry.lease.id.asString());
            }
        }
    }

    private ExpiryDecision expireOne(Tracked entry) {
        leaveLease(entry);
        entry.expiries++;
        if (entry.expiries >= settings.maxDeliveries()) {
            entry.state = entry.state.transitionTo(TaskState.RETRYING);
            forgetResolved(entry);
            return new ExpiryDecision.Escalate(entry.task, entry.expiries);
        }
        entry.state = entry.state.transitionTo(TaskState.BUFFERED);
        return new ExpiryDecision.Requeue(entry.task, entry.expiries);
    }

    /** The tracked entry the id names, or null: another replica, an untracked task, or a delivery never granted. */
    private Tracked trackedFor(TaskId taskId) {
        Objects.requireNonNull(taskId, "taskId");
        if (taskId.replicaIndex() != replicaIndex) {
            return null;
        }
        Tracked entry = tracked.get(taskId.source());
        return entry == null || taskId.delivery() > entry.grants ? null : entry;
    }

    private ResponseOutcome untracked(TaskId taskId) {
        return taskId.replicaIndex() == replicaIndex && recentlyResolved.contains(taskId.source())
                ? new ResponseOutcome.Duplicate(taskId)
                : new ResponseOutcome.Unknown(taskId);
    }

    private static boolean isCurrentLease(Tracked entry, TaskId taskId) {
        return entry.state == TaskState.LEASED && taskId.delivery() == entry.grants;
    }

    private void resolve(Tracked entry, TaskState terminal) {
        if (entry.state == TaskState.LEASED) {
            leaveLease(entry);
        }
        entry.state = entry.state.transitionTo(terminal);
        forgetResolved(entry);
    }

    private void forgetResolved(Tracked entry) {
        tracked.remove(entry.task.source());
        recentlyResolved.add(entry.task.source());
    }

    /** Takes a LEASED task out of its lease; a lease with no open task left is dropped. */
    private void leaveLease(Tracked entry) {
        ActiveLease lease = entry.lease;
        entry.lease = null;
        leasedCount--;
        leasedBytes -= entry.task.bytes();
        lease.open--;
        if (lease.open == 0 && leases.remove(lease.id) != null) {
            byExpiry.remove(lease);
        }
    }

    private static Set<SourcePosition> boundedSet(int capacity) {
        return Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SourcePosition, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** A tracked task; mutable, owned by the table. */
    private static final class Tracked {
        QueuedTask task;
        TaskState state = TaskState.BUFFERED;
        /** Grants so far: the delivery number of the current or last lease. */
        int grants;
        /** Deliveries that ended by lease expiry. */
        int expiries;
        ActiveLease lease;
    }

    private static final class ActiveLease {
        final LeaseId id;
        final Instant leasedAt;
        Instant expiresAt;
        final List<Tracked> tasks = new ArrayList<>();
        /** Tasks still LEASED under this lease. */
        int open;

        ActiveLease(LeaseId id, Instant leasedAt, Instant expiresAt) {
            this.id = id;
            this.leasedAt = leasedAt;
            this.expiresAt = expiresAt;
        }
    }
}
