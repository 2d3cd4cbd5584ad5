package io.eventgateway.domain.dispatch;

import java.util.Arrays;

/**
 * A binary min-heap of task nodes by deadline (then offer order) whose nodes remember their own slot, so removing an
 * arbitrary node costs O(log n) without a search. A node is in at most one heap at a time.
 */
final class NodeHeap {

    private TaskNode[] nodes;
    private int size;

    NodeHeap(int initialCapacity) {
        nodes = new TaskNode[Math.max(1, initialCapacity)];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    TaskNode peek() {
        return size == 0 ? null : nodes[0];
    }

    void add(TaskNode node) {
        if (node.heapIndex >= 0) {
            throw new IllegalStateException("node is already in a heap");
        }
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, nodes.length * 2);
        }
        siftUp(size++, node);
    }

    void remove(TaskNode node) {
        int index = node.heapIndex;
        if (index < 0 || index >= size || nodes[index] != node) {
            throw new IllegalStateException("node is not in this heap");
        }
        node.heapIndex = -1;
        TaskNode last = nodes[--size];
        nodes[size] = null;
        if (index == size) {
            return;
        }
        siftDown(index, last);
        if (nodes[index] == last) {
            siftUp(index, last);
        }
    }

    private void siftUp(int index, TaskNode node) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            TaskNode above = nodes[parent];
            if (!node.isBefore(above)) {
                break;
            }
            place(index, above);
            index = parent;
        }
        place(index, node);
    }

    private void siftDown(int index, TaskNode node) {
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && nodes[right].isBefore(nodes[child])) {
                child = right;
            }
            if (!nodes[child].isBefore(node)) {
                break;
            }
            place(index, nodes[child]);
            index = child;
        }
        place(index, node);
    }

    private void place(int index, TaskNode node) {
        nodes[index] = node;
        node.heapIndex = index;
    }
}
