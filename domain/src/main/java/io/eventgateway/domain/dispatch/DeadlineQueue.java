package io.eventgateway.domain.dispatch;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Ready tasks, served earliest deadline first (EDF) with fairness inside a small window, an overload guard for
 * overdue work, and optional strict per-key ordering. Single-threaded: the caller serialises access.
 *
 * <p><b>Order of a batch.</b> Each slot goes to the next task by these rules:
 * <ol>
 *   <li>On-time tasks (ordering deadline not before {@code now}) come first. Let {@code E} be the earliest deadline
 *       among leasable on-time tasks; every task due by {@code E + fairnessWindow} is in the window. Within the
 *       window the tenant served least recently goes next, and within that tenant its key served least recently;
 *       the key gives its earliest task. A tenant's events without a group key share one key. So neither a tenant nor a tenant with a million keys starves the others,
 *       and no task is served ahead of one due more than a window earlier.</li>
 *   <li>Overdue tasks lost their precedence: plain EDF would put every late P10 task ahead of fresh P30 work once
 *       the system falls behind. They get at most their share of each batch (see {@link OverdueShare}), most urgent
 *       priority first, then earliest deadline; when no on-time task is left they fill the batch.</li>
 *   <li>A batch holds at least one task when the queue has a leasable one, even one larger than {@code maxBytes};
 *       otherwise it stops before the next task would exceed {@code maxBytes}.</li>
 * </ol>
 *
 * <p><b>Strict key ordering</b> (when enabled, for events with a group key): at most one task per key is leased, and a key's tasks leave in
 * offer order (offset order). The next one becomes leasable after {@link #onDone(QueuedTask)} or when the leased
 * one is handed back by {@link #release(Collection)}. A RETRY {@linkplain #park(OrderingKey) parks} the key: its
 * buffered tasks go to the caller to follow the head to the retry topic, and new offers answer
 * {@link OfferResult#FOLLOW_PARKED} until {@link #unpark(OrderingKey)}.
 *
 * <p><b>Invariants.</b> Every queued task has exactly one node, indexed by its source position. A key is filed in its
 * tenant's tree exactly when it has an on-time leasable task, under that task's deadline; a tenant is filed in the
 * tenant tree exactly when one of its keys is, under their earliest deadline. Every overdue leasable task is in the
 * overdue heap of its priority. {@code size} and {@code bytes} are the count and byte sum of queued tasks.
 *
 * <p><b>Cost.</b> Offer, removal and each task of a batch take O(log n) (expected, for the treaps); a task moves to
 * the overdue heaps at most once. {@link #removeIf(Predicate)} is the one full scan.
 */
public final class DeadlineQueue {

    private final DispatchSettings settings;
    private final Map<String, TenantGroup> tenants = new HashMap<>();
    private final Map<SourcePosition, TaskNode> bySource = new HashMap<>();
    /** Tenants with an on-time leasable task, by their earliest such deadline. */
    private final FairTree<TenantGroup> tenantTree = new FairTree<>();
    /** Overdue leasable tasks, one heap per priority, indexed by {@link Priority#ordinal()} (most urgent first). */
    private final NodeHeap[] overdue = new NodeHeap[Priority.values().length];
    private final OverdueShare overdueShare;
    /** Ids of nodes and groups: offer order for ties, identity in the trees. */
    private long sequence;
    /** Service turns for round robin; a new group starts at the latest turn, i.e. at the back of the rotation. */
    private long turns;
    private long bytes;

    public DeadlineQueue(DispatchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        for (int i = 0; i < overdue.length; i++) {
            overdue[i] = new NodeHeap(16);
        }
        this.overdueShare = new OverdueShare(settings.overdueShare());
    }

    public DispatchSettings settings() {
        return settings;
    }

    /** Queued tasks, leasable or waiting behind their key. */
    public int size() {
        return bySource.size();
    }

    /** Held bytes of the queued tasks. */
    public long bytes() {
        return bytes;
    }

    /**
     * Queues a task read from a lane. Under strict ordering a task of a parked key is not queued: the caller sends it
     * to the retry topic behind the key's earlier tasks ({@link OfferResult#FOLLOW_PARKED}).
     *
     * @throws IllegalArgumentException if a task from the same source position is already queued
     * @throws IllegalStateException    if the queue holds {@code maxTasks} tasks: the memory budget should have paused
     *                                  the lanes long before
     */
    public OfferResult offer(QueuedTask task) {
        requireNotQueued(task);
        TenantGroup tenant = tenants.get(task.tenant());
        KeyGroup existing = tenant == null ? null : tenant.keys.get(task.key());
        if (existing instanceof StrictOrderKey strict && strict.state().isParked()) {
            return OfferResult.FOLLOW_PARKED;
        }
        requireRoom();
        append(task);
        return OfferResult.QUEUED;
    }

    /**
     * Queues a task coming back from a retry topic. Under strict ordering it belongs to its key's parked chain (the
     * head and the tasks that followed it), so it is queued even while the key is parked, behind the key's other
     * tasks. Without strict ordering this is {@link #offer(QueuedTask)}.
     *
     * <p>A chain task that comes back only after {@link #unpark(OrderingKey)} queues behind the key's newer arrivals:
     * the design unparks when the head is ACKed, and the queue cannot know whether more of the chain is on its way.
     */
    public void offerFromRetry(QueuedTask task) {
        requireNotQueued(task);
        requireRoom();
        append(task);
    }

    /**
     * Hands leased tasks back to the queue without counting a delivery (lease expiry, {@code Release}). They were
     * already held, so the {@code maxTasks} bound does not refuse them. Under strict ordering each one goes back to the
     * head of its key, whose lease ends.
     */
    public void release(Collection<QueuedTask> tasks) {
        for (QueuedTask task : tasks) {
            requireNotQueued(task);
            KeyGroup key = isStrict(task) ? leasedKey(task.orderingKey()) : keyFor(task);
            TaskNode node = new TaskNode(task, key, ++sequence);
            // Back at the head while the key is still leased, so ending the lease makes this task the leasable one.
            key.prepend(node);
            if (key instanceof StrictOrderKey strict) {
                strict.onLeaseEnded();
            }
            index(node);
            refresh(key);
        }
    }

    /**
     * Leases a batch: removes and returns up to {@code maxTasks} tasks in the order described on the class, stopping
     * before {@code maxBytes} would be exceeded (but always returning one task when any is leasable). The list is in
     * the order the tasks were chosen.
     */
    public List<QueuedTask> pollBatch(Instant now, int maxTasks, long maxBytes) {
        Objects.requireNonNull(now, "now");
        if (maxTasks < 1) {
            throw new IllegalArgumentException("maxTasks must be >= 1, was " + maxTasks);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
        }
        moveOverdue(now);
        int overdueWaiting = overdueCount();
        int reserved = Math.min(overdueShare.slotsFor(maxTasks, overdueWaiting > 0), overdueWaiting);

        List<QueuedTask> batch = new ArrayList<>(Math.min(maxTasks, size()));
        long batchBytes = 0;
        TaskNode node;
        while (batch.size() < maxTasks - reserved && (node = nextOnTime()) != null) {
            if (!batch.isEmpty() && batchBytes + node.task.bytes() > maxBytes) {
                return batch;
            }
            leaseOnTime(node);
            batch.add(node.task);
            batchBytes += node.task.bytes();
        }
        // Overdue tasks take their reserved share, or every slot left when no on-time task remains.
        while (batch.size() < maxTasks && (node = nextOverdue()) != null) {
            if (!batch.isEmpty() && batchBytes + node.task.bytes() > maxBytes) {
                return batch;
            }
            lease(node);
            batch.add(node.task);
            batchBytes += node.task.bytes();
        }
        return batch;
    }

    /** Removes a queued task that is handed off elsewhere (offload, a completion that raced a re-queue). */
    public Optional<QueuedTask> remove(SourcePosition source) {
        TaskNode node = bySource.get(source);
        if (node == null) {
            return Optional.empty();
        }
        detach(node);
        refresh(node.key);
        return Optional.of(node.task);
    }

    /** Removes every queued task that matches; a full scan, for rare hand-offs (say a lane's partition revoked). */
    public List<QueuedTask> removeIf(Predicate<? super QueuedTask> filter) {
        List<TaskNode> matching = new ArrayList<>();
        for (TaskNode node : bySource.values()) {
            if (filter.test(node.task)) {
                matching.add(node);
            }
        }
        List<QueuedTask> removed = new ArrayList<>(matching.size());
        for (TaskNode node : matching) {
            detach(node);
            refresh(node.key);
            removed.add(node.task);
        }
        return removed;
    }

    /**
     * The leased task is done (ACK, or a hand-off to the DLQ or a retry topic): under strict ordering its key's next
     * task becomes leasable. Without strict ordering, or for a task without a group key, leases do not block keys and
     * this does nothing.
     *
     * @throws IllegalStateException under strict ordering, if the task's key has no leased task
     */
    public void onDone(QueuedTask task) {
        if (!isStrict(task)) {
            return;
        }
        StrictOrderKey key = strictKey(task.orderingKey());
        key.onLeaseEnded();
        refresh(key);
    }

    /**
     * The key's leased task got a RETRY under strict ordering: parks the key and returns its buffered tasks in order,
     * for the caller to send to the retry topic behind the head. Until {@link #unpark(OrderingKey)}, offers for the key
     * answer {@link OfferResult#FOLLOW_PARKED}.
     *
     * @throws IllegalStateException without strict ordering, or if the key has no leased task
     */
    public List<QueuedTask> park(OrderingKey orderingKey) {
        StrictOrderKey key = leasedKey(orderingKey);
        List<TaskNode> followers = key.nodesInOrder();
        List<QueuedTask> tasks = new ArrayList<>(followers.size());
        for (TaskNode node : followers) {
            detach(node);
            tasks.add(node.task);
        }
        key.park();
        refresh(key);
        return tasks;
    }

    /**
     * The task that parked the key was ACKed: new offers for the key are queued again.
     *
     * @throws IllegalStateException without strict ordering, or if the key is not parked
     */
    public void unpark(OrderingKey orderingKey) {
        StrictOrderKey key = strictKey(orderingKey);
        key.unpark();
        refresh(key);
    }

    private void requireRoom() {
        if (bySource.size() >= settings.maxTasks()) {
            throw new IllegalStateException("deadline queue is full (" + settings.maxTasks()
                    + " tasks): the memory budget must pause lanes before this bound");
        }
    }

    private void requireNotQueued(QueuedTask task) {
        Objects.requireNonNull(task, "task");
        if (bySource.containsKey(task.source())) {
            throw new IllegalArgumentException("a task from " + task.source() + " is already queued");
        }
    }

    private void append(QueuedTask task) {
        KeyGroup key = keyFor(task);
        TaskNode node = new TaskNode(task, key, ++sequence);
        key.append(node);
        index(node);
        refresh(key);
    }

    private boolean isStrict(QueuedTask task) {
        return settings.strictKeyOrdering() && task.isKeyed();
    }

    private KeyGroup keyFor(QueuedTask task) {
        TenantGroup tenant = tenants.get(task.tenant());
        if (tenant == null) {
            tenant = new TenantGroup(task.tenant(), ++sequence, ++turns);
            tenants.put(tenant.name, tenant);
        }
        KeyGroup key = tenant.keys.get(task.key());
        if (key == null) {
            key = isStrict(task)
                    ? new StrictOrderKey(tenant, task.key(), ++sequence, ++turns)
                    : new AnyOrderKey(tenant, task.key(), ++sequence, ++turns);
            tenant.keys.put(key.name, key);
        }
        return key;
    }

    private StrictOrderKey strictKey(OrderingKey orderingKey) {
        if (!settings.strictKeyOrdering()) {
            throw new IllegalStateException("strict key ordering is off");
        }
        TenantGroup tenant = tenants.get(orderingKey.tenant());
        KeyGroup key = tenant == null ? null : tenant.keys.get(orderingKey.key());
        if (key == null) {
            throw new IllegalStateException("key " + orderingKey + " has no leased or queued task");
        }
        return (StrictOrderKey) key;
    }

    private StrictOrderKey leasedKey(OrderingKey orderingKey) {
        StrictOrderKey key = strictKey(orderingKey);
        if (!key.state().isLeased()) {
            throw new IllegalStateException("key " + orderingKey + " has no leased task to hand back");
        }
        return key;
    }

    private void index(TaskNode node) {
        bySource.put(node.task.source(), node);
        bytes += node.task.bytes();
    }

    /** Takes a node out of every structure; the caller refreshes its key. */
    private void detach(TaskNode node) {
        if (node.readiness == TaskNode.Readiness.OVERDUE) {
            overdue[node.task.priority().ordinal()].remove(node);
        }
        node.key.detach(node);
        bySource.remove(node.task.source());
        bytes -= node.task.bytes();
    }

    private void lease(TaskNode node) {
        // The key blocks first, so that under strict ordering detaching the head does not make the next one leasable.
        node.key.onLeased();
        detach(node);
        refresh(node.key);
    }

    private void leaseOnTime(TaskNode node) {
        KeyGroup key = node.key;
        TenantGroup tenant = key.tenant;
        // Out of the trees while their turns change: turns order the trees' answers.
        tenant.keyTree.remove(key);
        tenantTree.remove(tenant);
        tenant.servedAt(++turns);
        key.servedAt(++turns);
        lease(node);
    }

    /**
     * Re-files a key and its tenant after anything that may change the key's on-time head, and forgets groups that
     * hold nothing.
     */
    private void refresh(KeyGroup key) {
        TenantGroup tenant = key.tenant;
        TaskNode head = key.onTimeHead();
        tenant.keyTree.reposition(key, head == null ? null : head.deadline());
        tenantTree.reposition(tenant, tenant.keyTree.earliestDeadline());
        if (key.isEmpty() && !key.isRetained()) {
            tenant.keys.remove(key.name);
            if (tenant.keys.isEmpty()) {
                tenants.remove(tenant.name);
            }
        }
    }

    /** On-time tasks whose deadline passed become overdue; each task moves at most once. */
    private void moveOverdue(Instant now) {
        TenantGroup tenant;
        while ((tenant = tenantTree.earliest()) != null && tenant.deadline().isBefore(now)) {
            KeyGroup key = tenant.keyTree.earliest();
            TaskNode node = key.onTimeHead();
            key.onOverdue(node);
            node.readiness = TaskNode.Readiness.OVERDUE;
            overdue[node.task.priority().ordinal()].add(node);
            refresh(key);
        }
    }

    private int overdueCount() {
        int count = 0;
        for (NodeHeap heap : overdue) {
            count += heap.size();
        }
        return count;
    }

    /** The fair choice among on-time tasks (see the class comment), or null when none is leasable. */
    private TaskNode nextOnTime() {
        Instant earliest = tenantTree.earliestDeadline();
        if (earliest == null) {
            return null;
        }
        Instant windowEnd = earliest.plus(settings.fairnessWindow());
        TenantGroup tenant = tenantTree.leastRecentlyServedWithin(windowEnd);
        KeyGroup key = tenant.keyTree.leastRecentlyServedWithin(windowEnd);
        return key.onTimeHead();
    }

    private TaskNode nextOverdue() {
        for (NodeHeap heap : overdue) {
            if (!heap.isEmpty()) {
                return heap.peek();
            }
        }
        return null;
    }
}
