package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.failOf;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static io.eventgateway.application.dispatch.DispatchHarness.retryOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DispatchServiceProperties {

    /**
     * Records arrive, are leased, and are answered ACK, RETRY or FAIL in any order, with leases expiring now and
     * then: the commit is always exactly the lowest offset not yet done, and nothing stays held at the end.
     */
    @Property(tries = 100)
    void theCommitIsAlwaysTheLowestOffsetNotDone(@ForAll @IntRange(min = 1, max = 120) int count,
            @ForAll long seed) {
        Random random = new Random(seed);
        DispatchHarness h = new DispatchHarness();
        h.assign(Lane.P20, 0);
        TreeSet<Long> notDone = new TreeSet<>();
        List<GrantedTask> held = new ArrayList<>();
        int polled = 0;
        while (polled < count || !notDone.isEmpty()) {
            int action = random.nextInt(10);
            if (polled < count && action < 3) {
                h.put(event("e" + polled, Priority.P20, at(60_000)));
                notDone.add((long) polled++);
            } else if (action < 5) {
                held.addAll(h.fetch(1 + random.nextInt(5)).tasks());
            } else if (action < 8 && !held.isEmpty()) {
                GrantedTask task = held.remove(random.nextInt(held.size()));
                answer(h, task, held, random, notDone);
            } else if (action == 8) {
                h.advance(Duration.ofMillis(random.nextInt(2_000)));
            } else {
                // Processors whose leases all ran out give their copies up: an escalated record is retried as a new
                // attempt, and a stale copy's ACK for it would only cause a redelivery.
                h.expireLeases();
                held.clear();
            }
            // FAILs from the current delivery and exhausted budgets are dead-lettered; these writes are acked at once.
            h.handoffs.writes().forEach(write -> notDone.remove(write.source().offset()));
            OffsetCommit commit = h.service.commitPositions().get(partition(Lane.P20, 0));
            if (commit != null) {
                assertThat(commit.offset()).isEqualTo(notDone.isEmpty() ? polled : notDone.first());
                h.service.onCommitted(Map.of(partition(Lane.P20, 0), commit));
            }
        }
        assertThat(h.service.status().memory().usedBytes()).isZero();
        assertThat(h.service.status().leases().inFlight()).isZero();
    }

    private static void answer(DispatchHarness h, GrantedTask task, List<GrantedTask> held, Random random,
            Set<Long> notDone) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            // An ACK from any delivery completes the record.
            h.ack(task);
            notDone.remove(task.taskId().offset());
        } else {
            // A processor that gives up on a record drops its older copies too: after a RETRY the lease table
            // forgets the record, so a stale copy's ACK would only cause a redelivery (see DispatchService).
            held.removeIf(other -> other.taskId().source().equals(task.taskId().source()));
            h.respond(kind < 9 ? retryOf(task, Duration.ZERO) : failOf(task, "bad"));
        }
    }

    /** A new run resuming from a commit (position and metadata) serves exactly the records not acked before. */
    @Property(tries = 100)
    void aRestartFromACommitServesExactlyTheRecordsNotDone(@ForAll @IntRange(min = 1, max = 150) int count,
            @ForAll long seed) {
        Random random = new Random(seed);
        DispatchHarness before = new DispatchHarness();
        before.assign(Lane.P20, 0);
        List<PolledRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PolledRecord record = before.record(Lane.P20, 0, event("e" + i, Priority.P20, at(60_000)));
            records.add(record);
            before.poll(Lane.P20, record);
        }
        Set<String> notAcked = new HashSet<>();
        for (GrantedTask task : before.fetch(count).tasks()) {
            if (random.nextBoolean()) {
                before.ack(task);
            } else {
                notAcked.add(before.decode(task).eventId());
            }
        }
        OffsetCommit commit = before.service.commitPositions().get(partition(Lane.P20, 0));

        DispatchHarness after = new DispatchHarness();
        after.assign(Lane.P20, 0, new CommittedPosition(commit.offset(), commit.metadata()));
        records.stream().filter(record -> record.source().offset() >= commit.offset())
                .forEach(record -> after.poll(Lane.P20, record));

        assertThat(after.eventIds(after.fetch(count + 1))).containsExactlyInAnyOrderElementsOf(notAcked);
    }

    /** The whole simulation, for arbitrary seeds, on a smaller load. */
    @Property(tries = 10)
    void theSimulationKeepsItsInvariantsForAnySeed(@ForAll long seed) {
        DispatchSimulation.Report report =
                new DispatchSimulation(DispatchSimulation.Config.of(seed).withRecords(300)).run();

        assertThat(report.acked() + report.deadLettered()).isGreaterThanOrEqualTo(300);
    }
}
