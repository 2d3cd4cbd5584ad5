package io.eventgateway.domain.dispatch;

import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NodeHeapTest {

    @Property(tries = 100)
    void alwaysOffersTheEarliestNodeAfterAddsAndArbitraryRemovals(
            @ForAll @IntRange(min = 1, max = 300) int operations,
            @ForAll long seed) {
        Random random = new Random(seed);
        NodeHeap heap = new NodeHeap(1);
        List<TaskNode> held = new ArrayList<>();
        long sequence = 0;
        for (int op = 0; op < operations; op++) {
            if (held.isEmpty() || random.nextInt(3) > 0) {
                TaskNode node = new TaskNode(task(sequence, "acme", random.nextInt(100)), null, sequence++);
                heap.add(node);
                held.add(node);
            } else {
                TaskNode node = held.remove(random.nextInt(held.size()));
                heap.remove(node);
                assertThat(node.heapIndex).isEqualTo(-1);
            }
            assertThat(heap.size()).isEqualTo(held.size());
            assertThat(heap.peek()).isSameAs(held.stream()
                    .min(Comparator.comparing(TaskNode::deadline).thenComparingLong(node -> node.sequence))
                    .orElse(null));
        }
    }
}
