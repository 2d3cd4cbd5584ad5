package io.eventgateway.domain.lease;

import static io.eventgateway.domain.dispatch.TestTasks.T0;
import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LeaseTablePropertiesTest {

    private static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_DELIVERIES = 4;

    /**
     * Drives the table with random grants, expiries, releases and ACKs, checking it against a model: the tasks
     * currently leased (and by which id), and how many of each task's deliveries ended by expiry.
     */
    @Property(tries = 100)
    void aTaskIsInAtMostOneLeaseAndOnlyExpiriesCountDeliveries(
            @ForAll @IntRange(min = 1, max = 300) int steps,
            @ForAll long seed) {
        Random random = new Random(seed);
        LeaseTable table = new LeaseTable(0, 1, LeaseSettings.of(TTL, MAX_DELIVERIES));
        List<QueuedTask> available = new ArrayList<>();
        for (long offset = 0; offset < 30; offset++) {
            available.add(task(offset, "acme", 1_000));
        }
        Map<SourcePosition, TaskId> leased = new HashMap<>();
        Map<SourcePosition, QueuedTask> leasedTasks = new HashMap<>();
        Map<SourcePosition, Integer> expiries = new HashMap<>();
        Instant now = T0;

        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    if (available.isEmpty()) {
                        break;
                    }
                    List<QueuedTask> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(Math.min(4, available.size()));
                    for (int i = 0; i < size; i++) {
                        batch.add(available.remove(random.nextInt(available.size())));
                    }
                    for (LeasedTask leasedTask : table.grant(batch, now, null, "p").tasks()) {
                        leased.put(leasedTask.task().source(), leasedTask.taskId());
                        leasedTasks.put(leasedTask.task().source(), leasedTask.task());
                    }
                }
                case 2 -> {
                    now = now.plusSeconds(random.nextInt(12));
                    for (ExpiryDecision decision : table.expire(now, now).decisions()) {
                        SourcePosition source = decision.task().source();
                        int expected = expiries.merge(source, 1, Integer::sum);
                        assertThat(decision.deliveries()).isEqualTo(expected);
                        assertThat(decision instanceof ExpiryDecision.Escalate)
                                .isEqualTo(expected >= MAX_DELIVERIES);
                        leased.remove(source);
                        leasedTasks.remove(source);
                        if (decision instanceof ExpiryDecision.Requeue) {
                            available.add(decision.task());
                        }
                    }
                }
                case 3 -> {
                    if (leased.isEmpty()) {
                        break;
                    }
                    SourcePosition source = pick(random, leased);
                    ReleaseResult result = table.release(List.of(leased.remove(source)));
                    assertThat(result.released()).containsExactly(leasedTasks.remove(source));
                    available.add(result.released().get(0));
                }
                default -> {
                    if (leased.isEmpty()) {
                        break;
                    }
                    SourcePosition source = pick(random, leased);
                    assertThat(table.onAck(leased.remove(source))).isInstanceOf(ResponseOutcome.Completed.class);
                    leasedTasks.remove(source);
                }
            }
            assertThat(table.leasedCount()).isEqualTo(leased.size());
            if (!leased.isEmpty()) {
                QueuedTask stillLeased = leasedTasks.get(pick(random, leased));
                assertThatThrownBy(() -> table.grant(List.of(stillLeased), T0, null, "other"))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    private static SourcePosition pick(Random random, Map<SourcePosition, TaskId> leased) {
        List<SourcePosition> sources = new ArrayList<>(leased.keySet());
        sources.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return sources.get(random.nextInt(sources.size()));
    }
}
