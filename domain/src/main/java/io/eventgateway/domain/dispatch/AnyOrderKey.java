package io.eventgateway.domain.dispatch;

/** A key without strict ordering: every task is leasable, earliest deadline first. */
final class AnyOrderKey extends KeyGroup {

    /** The key's on-time tasks; its overdue ones sit in the queue's overdue heaps. */
    private final NodeHeap onTime = new NodeHeap(2);

    AnyOrderKey(TenantGroup tenant, String name, long id, long turn) {
        super(tenant, name, id, turn);
    }

    @Override
    void onAppend(TaskNode node) {
        node.readiness = TaskNode.Readiness.ON_TIME;
        onTime.add(node);
    }

    @Override
    void onPrepend(TaskNode node) {
        onAppend(node);
    }

    @Override
    void onDetach(TaskNode node) {
        if (node.readiness == TaskNode.Readiness.ON_TIME) {
            onTime.remove(node);
        }
    }

    @Override
    TaskNode onTimeHead() {
        return onTime.peek();
    }

    @Override
    void onOverdue(TaskNode node) {
        onTime.remove(node);
    }

    @Override
    void onLeased() {
        // Without strict ordering a lease does not block the key.
    }

    @Override
    boolean isRetained() {
        return false;
    }
}
