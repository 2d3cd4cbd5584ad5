package io.eventgateway.domain.dispatch;

/**
 * The queued tasks of one key of one tenant. The queue keeps the key filed in its tenant's {@link FairTree} under the
 * deadline of {@link #onTimeHead()}, and asks the group which of its tasks may be leased next.
 */
abstract sealed class KeyGroup extends FairTree.Member permits AnyOrderKey, StrictOrderKey {

    final TenantGroup tenant;
    final String name;
    private int queued;

    KeyGroup(TenantGroup tenant, String name, long id, long turn) {
        super(id, turn);
        this.tenant = tenant;
        this.name = name;
    }

    /** Adds a newly queued task behind the key's others. */
    final void append(TaskNode node) {
        queued++;
        onAppend(node);
    }

    /** Adds a task handed back from a lease ahead of the key's others. */
    final void prepend(TaskNode node) {
        queued++;
        onPrepend(node);
    }

    /** Detaches a task, whatever its readiness; the caller takes it out of the overdue heap first. */
    final void detach(TaskNode node) {
        queued--;
        onDetach(node);
    }

    final boolean isEmpty() {
        return queued == 0;
    }

    abstract void onAppend(TaskNode node);

    abstract void onPrepend(TaskNode node);

    abstract void onDetach(TaskNode node);

    /** The earliest task that may be leased now and is not yet overdue, or null. */
    abstract TaskNode onTimeHead();

    /** The on-time head passed its deadline: the group stops offering it (the queue files it as overdue). */
    abstract void onOverdue(TaskNode node);

    /** A task of this key was leased (strict ordering blocks the key until it is done). */
    abstract void onLeased();

    /** True while the group must be kept though it holds no task (a key that is leased or parked). */
    abstract boolean isRetained();
}
