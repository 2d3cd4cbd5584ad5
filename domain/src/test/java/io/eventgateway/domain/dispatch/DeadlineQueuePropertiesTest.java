package io.eventgateway.domain.dispatch;

import static io.eventgateway.domain.dispatch.TestTasks.T0;
import static io.eventgateway.domain.dispatch.TestTasks.at;
import static io.eventgateway.domain.dispatch.TestTasks.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeadlineQueuePropertiesTest {

    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;
    private static final Priority[] PRIORITIES = Priority.values();

    @Property(tries = 100)
    void everyTaskOfABatchIsDueWithinTheWindowOfTheEarliestTaskRemainingWhenItWasChosen(
            @ForAll @IntRange(min = 1, max = 300) int taskCount,
            @ForAll @IntRange(min = 1, max = 40) int batchSize,
            @ForAll @IntRange(min = 0, max = 200) int windowMillis,
            @ForAll @IntRange(min = 1, max = 8) int tenantCount,
            @ForAll long seed) {
        Random random = new Random(seed);
        DeadlineQueue queue = new DeadlineQueue(
                new DispatchSettings(Duration.ofMillis(windowMillis), 0.1, false, 10_000));
        TreeMap<Instant, Integer> remaining = new TreeMap<>();
        for (long offset = 0; offset < taskCount; offset++) {
            QueuedTask task = task(offset, "t" + random.nextInt(tenantCount), keyOrNone(random, 20),
                    PRIORITIES[random.nextInt(PRIORITIES.length)], 1_000 + random.nextInt(2_000));
            queue.offer(task);
            remaining.merge(task.orderingDeadline(), 1, Integer::sum);
        }

        while (!remaining.isEmpty()) {
            List<QueuedTask> batch = queue.pollBatch(T0, batchSize, NO_BYTE_LIMIT);
            assertThat(batch).isNotEmpty();
            for (QueuedTask task : batch) {
                Instant windowEnd = remaining.firstKey().plusMillis(windowMillis);
                assertThat(task.orderingDeadline()).isBeforeOrEqualTo(windowEnd);
                remaining.merge(task.orderingDeadline(), -1, (count, minus) -> count + minus == 0 ? null : count + minus);
            }
        }
        assertThat(queue.size()).isZero();
    }

    @Property(tries = 100)
    void givenEnoughOnTimeTasks_whenOverdueTasksWait_thenOnTimeTasksGetTheirShareOfEveryBatch(
            @ForAll @IntRange(min = 1, max = 60) int maxTasks,
            @ForAll @IntRange(min = 1, max = 100) int overdueCount,
            @ForAll @IntRange(min = 0, max = 4) int shareQuarters,
            @ForAll @IntRange(min = 1, max = 6) int batches) {
        double share = shareQuarters / 4.0;
        DeadlineQueue queue = new DeadlineQueue(new DispatchSettings(Duration.ofMillis(100), share, false, 100_000));
        long offset = 0;
        for (int i = 0; i < maxTasks * batches; i++) {
            queue.offer(task(offset++, "t" + i % 3, 10_000 + i));
        }
        for (int i = 0; i < overdueCount; i++) {
            queue.offer(task(offset++, "t" + i % 3, 500 + i));
        }
        Instant now = at(1_000);
        int leastOnTime = maxTasks - (int) Math.ceil(share * maxTasks);
        long overdueServed = 0;

        for (int batch = 0; batch < batches; batch++) {
            List<QueuedTask> leased = queue.pollBatch(now, maxTasks, NO_BYTE_LIMIT);
            long overdue = leased.stream().filter(task -> task.orderingDeadline().isBefore(now)).count();
            assertThat(leased).hasSize(maxTasks);
            assertThat(leased.size() - overdue).isGreaterThanOrEqualTo(leastOnTime);
            overdueServed += overdue;
        }
        // Over a run of batches overdue work gets its share, give or take the one slot carried between batches.
        assertThat(overdueServed).isLessThanOrEqualTo((long) Math.floor(share * maxTasks * batches) + 1);
        assertThat(overdueServed).isGreaterThanOrEqualTo(
                Math.min(overdueCount, (long) Math.floor(share * maxTasks * batches)) - 1);
    }

    @Property(tries = 20)
    void aSmallTenantIsServedWithinTheFirstBatchesBesideATenantWithTenThousandTasks(
            @ForAll @IntRange(min = 1, max = 30) int batchSize,
            @ForAll @LongRange(min = 0, max = 99) long smallTenantOffsetMillis,
            @ForAll long seed) {
        Random random = new Random(seed);
        DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults());
        for (long offset = 0; offset < 10_000; offset++) {
            queue.offer(task(offset, "big", "k" + offset % 50, Priority.P10, 1_000 + random.nextInt(100)));
        }
        for (long offset = 10_000; offset < 10_010; offset++) {
            queue.offer(task(offset, "small", "s" + offset, Priority.P10, 1_000 + smallTenantOffsetMillis));
        }

        List<QueuedTask> served = pollAtLeast(queue, 20, batchSize);

        // Round robin: the small tenant's ten tasks are among the first twenty served.
        assertThat(served.subList(0, 20)).filteredOn(task -> task.tenant().equals("small")).hasSize(10);
    }

    @Property(tries = 20)
    void aQuietKeyIsServedWithinTheFirstBatchesBesideAKeyWithTenThousandTasks(
            @ForAll @IntRange(min = 1, max = 30) int batchSize,
            @ForAll @LongRange(min = 0, max = 99) long quietKeyOffsetMillis,
            @ForAll long seed) {
        Random random = new Random(seed);
        DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults());
        for (long offset = 0; offset < 10_000; offset++) {
            queue.offer(task(offset, "acme", "busy", Priority.P10, 1_000 + random.nextInt(100)));
        }
        for (long offset = 10_000; offset < 10_010; offset++) {
            queue.offer(task(offset, "acme", "quiet", Priority.P10, 1_000 + quietKeyOffsetMillis));
        }

        List<QueuedTask> served = pollAtLeast(queue, 20, batchSize);

        assertThat(served.subList(0, 20)).filteredOn(task -> task.key().equals("quiet")).hasSize(10);
    }

    @Property(tries = 100)
    void underStrictOrderingAKeyNeverHasTwoLeasedTasksAndEachLeaseTakesItsLowestOutstandingOffset(
            @ForAll @IntRange(min = 1, max = 200) int steps,
            @ForAll @IntRange(min = 1, max = 6) int keyCount,
            @ForAll long seed) {
        Random random = new Random(seed);
        DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults().withStrictKeyOrdering(true));
        Map<String, TreeMap<Long, QueuedTask>> outstanding = new HashMap<>();
        Map<String, QueuedTask> leased = new HashMap<>();
        long nextOffset = 0;
        Instant now = T0;

        for (int step = 0; step < steps; step++) {
            now = now.plusMillis(random.nextInt(50));
            int action = random.nextInt(4);
            if (action == 0 || action == 1) {
                String key = "k" + random.nextInt(keyCount);
                QueuedTask task = task(nextOffset++, "acme", key, PRIORITIES[random.nextInt(3)],
                        random.nextInt(3_000));
                queue.offer(task);
                outstanding.computeIfAbsent(key, k -> new TreeMap<>()).put(task.source().offset(), task);
            } else if (action == 2) {
                for (QueuedTask task : queue.pollBatch(now, 1 + random.nextInt(5), NO_BYTE_LIMIT)) {
                    assertThat(leased).doesNotContainKey(task.key());
                    assertThat(task.source().offset()).isEqualTo(outstanding.get(task.key()).firstKey());
                    leased.put(task.key(), task);
                }
            } else if (!leased.isEmpty()) {
                List<String> keys = new ArrayList<>(leased.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                QueuedTask task = leased.remove(key);
                if (random.nextBoolean()) {
                    queue.onDone(task);
                    outstanding.get(key).remove(task.source().offset());
                } else {
                    queue.release(List.of(task));
                }
            }
        }
    }

    @Property(tries = 100)
    void removalsKeepSizeBytesAndServiceConsistent(
            @ForAll @IntRange(min = 1, max = 200) int taskCount,
            @ForAll boolean strict,
            @ForAll long seed) {
        Random random = new Random(seed);
        DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults().withStrictKeyOrdering(strict));
        Set<Long> kept = new HashSet<>();
        long keptBytes = 0;
        List<QueuedTask> all = new ArrayList<>();
        for (long offset = 0; offset < taskCount; offset++) {
            QueuedTask task = task(offset, "t" + random.nextInt(3), keyOrNone(random, 5),
                    PRIORITIES[random.nextInt(3)], random.nextInt(3_000));
            queue.offer(task);
            all.add(task);
        }
        for (QueuedTask task : all) {
            if (random.nextInt(3) == 0) {
                assertThat(queue.remove(task.source())).contains(task);
            } else {
                kept.add(task.source().offset());
                keptBytes += task.bytes();
            }
        }
        assertThat(queue.size()).isEqualTo(kept.size());
        assertThat(queue.bytes()).isEqualTo(keptBytes);

        Set<Long> served = new HashSet<>();
        List<QueuedTask> batch;
        while (!(batch = queue.pollBatch(at(1_500), 7, NO_BYTE_LIMIT)).isEmpty()) {
            for (QueuedTask task : batch) {
                assertThat(served.add(task.source().offset())).isTrue();
                if (strict) {
                    queue.onDone(task);
                }
            }
        }
        assertThat(served).isEqualTo(kept);
        assertThat(queue.bytes()).isZero();
    }

    /** One of {@code keys} group keys, or (one time in four) none: such events share their tenant's keyless group. */
    private static String keyOrNone(Random random, int keys) {
        return random.nextInt(4) == 0 ? null : "k" + random.nextInt(keys);
    }

    private static List<QueuedTask> pollAtLeast(DeadlineQueue queue, int count, int batchSize) {
        List<QueuedTask> served = new ArrayList<>();
        while (served.size() < count) {
            served.addAll(queue.pollBatch(T0, batchSize, NO_BYTE_LIMIT));
        }
        return served;
    }
}
