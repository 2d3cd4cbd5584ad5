package io.eventgateway.domain.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A key under strict ordering: tasks in offer order (offset order, since a partition is polled in order), and only
 * the head is leasable, only while no task of the key is leased.
 *
 * <p>Invariant: a node is ON_TIME or OVERDUE only if it is the head and {@link KeyState#allowsLease()}; every other
 * node is WAITING.
 */
final class StrictOrderKey extends KeyGroup {

    private KeyState state = KeyState.IDLE;
    private TaskNode first;
    private TaskNode last;

    StrictOrderKey(TenantGroup tenant, String name, long id, long turn) {
        super(tenant, name, id, turn);
    }

    KeyState state() {
        return state;
    }

    @Override
    void onAppend(TaskNode node) {
        node.readiness = TaskNode.Readiness.WAITING;
        node.previous = last;
        node.next = null;
        if (last == null) {
            first = node;
        } else {
            last.next = node;
        }
        last = node;
        promoteHead();
    }

    @Override
    void onPrepend(TaskNode node) {
        if (first != null && first.readiness != TaskNode.Readiness.WAITING) {
            throw new IllegalStateException("a leasable head cannot be pushed back: the key was not leased");
        }
        node.readiness = TaskNode.Readiness.WAITING;
        node.previous = null;
        node.next = first;
        if (first == null) {
            last = node;
        } else {
            first.previous = node;
        }
        first = node;
        promoteHead();
    }

    @Override
    void onDetach(TaskNode node) {
        if (node.previous == null) {
            first = node.next;
        } else {
            node.previous.next = node.next;
        }
        if (node.next == null) {
            last = node.previous;
        } else {
            node.next.previous = node.previous;
        }
        node.previous = null;
        node.next = null;
        promoteHead();
    }

    @Override
    TaskNode onTimeHead() {
        return first != null && first.readiness == TaskNode.Readiness.ON_TIME ? first : null;
    }

    @Override
    void onOverdue(TaskNode node) {
        // The head stays first in the FIFO; only its readiness changes, which the queue records.
    }

    @Override
    void onLeased() {
        state = state.transitionTo(state == KeyState.IDLE ? KeyState.LEASED : KeyState.PARKED_LEASED);
    }

    @Override
    boolean isRetained() {
        return state != KeyState.IDLE;
    }

    /** The leased task is done or handed back: the next task may be leased. */
    void onLeaseEnded() {
        if (!state.isLeased()) {
            throw new IllegalStateException("key has no leased task (state " + state + ")");
        }
        state = state.transitionTo(state == KeyState.LEASED ? KeyState.IDLE : KeyState.PARKED);
        promoteHead();
    }

    /** The key's tasks, head first. */
    List<TaskNode> nodesInOrder() {
        List<TaskNode> nodes = new ArrayList<>(0);
        for (TaskNode node = first; node != null; node = node.next) {
            nodes.add(node);
        }
        return nodes;
    }

    /** The leased task got a RETRY: the key parks (the queue has handed its buffered tasks to the caller). */
    void park() {
        if (!state.isLeased()) {
            throw new IllegalStateException("only a key with a leased task can be parked (state " + state + ")");
        }
        state = state.transitionTo(KeyState.PARKED);
    }

    /** The task that parked the key was ACKed: arrivals are queued again. */
    void unpark() {
        if (!state.isParked()) {
            throw new IllegalStateException("key is not parked (state " + state + ")");
        }
        state = state.transitionTo(state == KeyState.PARKED ? KeyState.IDLE : KeyState.LEASED);
    }

    private void promoteHead() {
        if (first != null && state.allowsLease() && first.readiness == TaskNode.Readiness.WAITING) {
            first.readiness = TaskNode.Readiness.ON_TIME;
        }
    }
}
