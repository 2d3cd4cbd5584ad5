package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DispatchServiceFetchTest {

    private final DispatchHarness h = new DispatchHarness();

    private CompletableFuture<LeaseGrant> waitingFetch(String processor, int maxTasks) {
        return h.service.fetch(new FetchTasksCommand(processor, maxTasks, Long.MAX_VALUE, Duration.ofMinutes(1), null));
    }

    @Test
    void aP10EventDueSoonerIsLeasedBeforeAP30EventDueLater() {
        h.assign(Lane.P30, 0);
        h.assign(Lane.P10, 0);
        h.put(event("p30-due-in-4s", Priority.P30, at(4_000)));
        h.put(event("p10-due-in-2s", Priority.P10, at(2_000)));

        assertThat(h.eventIds(h.fetch(1))).containsExactly("p10-due-in-2s");
    }

    @Test
    void overdueTasksGetAtMostTheirShareOfABatchWhileOnTimeTasksWait() {
        h.assign(Lane.P10, 0);
        h.assign(Lane.P30, 0);
        for (int i = 0; i < 20; i++) {
            h.put(event("late-" + i, Priority.P10, at(1_000)));
        }
        h.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 20; i++) {
            h.put(event("fresh-" + i, Priority.P30, at(6_000)));
        }

        assertThat(h.eventIds(h.fetch(10))).filteredOn(id -> id.startsWith("late-")).hasSize(1);
    }

    @Test
    void aGrantCarriesThePolledBytesUnchanged() {
        h.assign(Lane.P20, 0);
        PolledRecord record = h.record(Lane.P20, 0, event("e", Priority.P20, at(60_000)));
        h.poll(Lane.P20, record);

        GrantedTask task = h.fetch(1).tasks().get(0);

        assertThat(task.storedRecord()).isEqualTo(record.value());
        assertThat(task.taskId().source()).isEqualTo(record.source());
        assertThat(task.taskId().delivery()).isEqualTo(1);
    }

    @Test
    void aGrantNamesItsLeaseTheReplicaAndTheTtl() {
        h.assign(Lane.P20, 0);
        h.put(event("e", Priority.P20, at(60_000)));

        LeaseGrant grant = h.service.fetch(new FetchTasksCommand("proc", 5, 1_000_000, Duration.ZERO,
                Duration.ofSeconds(3))).join();

        assertThat(grant.leaseId()).isEqualTo("0-7-1");
        assertThat(grant.replicaIndex()).isZero();
        assertThat(grant.ttl()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aBatchStopsBeforeMaxBytesButHoldsAtLeastOneTask() {
        h.assign(Lane.P20, 0);
        h.put(event("a", "t1", "a", Priority.P20, at(60_000), 1_000));
        h.put(event("b", "t1", "b", Priority.P20, at(60_000), 1_000));

        LeaseGrant grant = h.service.fetch(new FetchTasksCommand("proc", 10, 1, Duration.ZERO, null)).join();

        assertThat(grant.tasks()).hasSize(1);
    }

    @Test
    void anEmptyQueueAnswersAnEmptyGrantAtOnceWhenTheFetchDoesNotWait() {
        LeaseGrant grant = h.fetch(10);

        assertThat(grant.isEmpty()).isTrue();
        assertThat(grant.leaseId()).isNull();
    }

    @Test
    void aWaitingFetchIsAnsweredWhenRecordsArrive() {
        h.assign(Lane.P20, 0);
        CompletableFuture<LeaseGrant> answer = waitingFetch("proc", 10);
        assertThat(answer).isNotDone();

        h.put(event("e", Priority.P20, at(60_000)));

        assertThat(answer).isCompleted();
        assertThat(h.eventIds(answer.join())).containsExactly("e");
    }

    @Test
    void waitingFetchesAreServedInArrivalOrder() {
        h.assign(Lane.P20, 0);
        CompletableFuture<LeaseGrant> first = waitingFetch("first", 1);
        CompletableFuture<LeaseGrant> second = waitingFetch("second", 1);

        h.put(event("e", Priority.P20, at(60_000)));

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
    }

    @Test
    void whenMaxWaitersFetchesWaitAnotherIsAnsweredEmptyAtOnce() {
        TestSettings settings = new TestSettings();
        settings.maxWaiters = 1;
        DispatchHarness one = new DispatchHarness(settings);
        CompletableFuture<LeaseGrant> waiting = one.service.fetch(
                new FetchTasksCommand("a", 1, 100, Duration.ofMinutes(1), null));

        CompletableFuture<LeaseGrant> refused = one.service.fetch(
                new FetchTasksCommand("b", 1, 100, Duration.ofMinutes(1), null));

        assertThat(waiting).isNotDone();
        assertThat(refused.join().isEmpty()).isTrue();
        assertThat(one.service.status().counters().refusedFetches()).isEqualTo(1);
    }

    @Test
    void aWaitEndsWithAnEmptyGrantAndLeavesLaterWorkForTheNextFetch() {
        h.assign(Lane.P20, 0);
        CompletableFuture<LeaseGrant> answer = h.service.fetch(
                new FetchTasksCommand("proc", 1, 100, Duration.ofMillis(1), null));

        assertThat(answer.join().isEmpty()).isTrue();
        h.put(event("e", Priority.P20, at(60_000)));
        assertThat(h.eventIds(h.fetch(1))).containsExactly("e");
    }

    @Test
    void aGrantThatLosesTheRaceWithTheWaitsEndGoesBackWithoutCountingADelivery() {
        AtomicReference<CompletableFuture<LeaseGrant>> waiting = new AtomicReference<>();
        DispatchMetrics timeoutFiresDuringTheLease = new RecordingMetrics() {
            @Override
            public void onLeased(int tasks, long bytes, Duration waited) {
                CompletableFuture<LeaseGrant> answer = waiting.get();
                if (answer != null) {
                    answer.complete(LeaseGrant.empty(0));
                }
            }
        };
        DispatchHarness racy = new DispatchHarness(new TestSettings(), timeoutFiresDuringTheLease);
        racy.assign(Lane.P20, 0);
        CompletableFuture<LeaseGrant> answer =
                racy.service.fetch(new FetchTasksCommand("slow", 1, 100_000, Duration.ofMinutes(1), null));
        waiting.set(answer);

        racy.put(event("e", Priority.P20, at(60_000)));
        waiting.set(null);

        assertThat(answer.join().isEmpty()).isTrue();
        GrantedTask again = racy.fetch(1).tasks().get(0);
        assertThat(racy.decode(again).eventId()).isEqualTo("e");
        assertThat(racy.service.status().leases().expired()).isZero();
        assertThat(racy.service.status().leases().inFlight()).isEqualTo(1);
    }

    @Test
    void sloIsCountedOnceAtTheFirstLeaseAgainstTheIngestDeadline() {
        h.assign(Lane.P30, 0);
        h.put(event("e", Priority.P30, at(5_000)));
        h.advance(Duration.ofSeconds(6));
        h.fetch(1);

        h.expireLeases();
        h.fetch(1);

        assertThat(h.service.status().counters().sloMissed()).containsEntry(Priority.P30, 1L);
        assertThat(h.service.status().counters().sloMet()).containsEntry(Priority.P30, 0L);
    }

    @Test
    void aTaskLeasedByItsDeadlineCountsAsSloMet() {
        h.assign(Lane.P30, 0);
        h.put(event("e", Priority.P30, at(5_000)));
        h.advance(Duration.ofSeconds(5));

        h.fetch(1);

        assertThat(h.service.status().counters().sloMet()).containsEntry(Priority.P30, 1L);
    }
}
