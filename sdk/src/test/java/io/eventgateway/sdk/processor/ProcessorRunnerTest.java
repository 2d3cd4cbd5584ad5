package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.Outcome;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.TaskResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessorRunnerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final FakeOrchestrator orchestrator = new FakeOrchestrator(2);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private ProcessorRunner runner;
    private FakeOrchestrator second;

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
        }
        orchestrator.close();
        if (second != null) {
            second.close();
        }
    }

    private ProcessorRunner.Builder runnerFor(EventHandler handler) {
        return ProcessorRunner.builder()
                .target(orchestrator.target())
                .usePlaintext()
                .handler(handler)
                .responsePublisher(publisher)
                .processorId("proc-1")
                .concurrency(4)
                .longPollWait(Duration.ofMillis(200))
                .shutdownGrace(Duration.ofSeconds(5));
    }

    private TaskResponse onlyResponse() {
        await().atMost(PATIENCE).until(() -> publisher.published.size() == 1);
        return publisher.published.get(0).response();
    }

    @Test
    void anAckedEventIsPublishedAsAckOnTheLeasingReplicasPartition() {
        List<String> taskIds = orchestrator.tasks().offer("evt", 1);
        runner = runnerFor(event -> HandlerOutcome.ack()).build().start();

        TaskResponse response = onlyResponse();

        assertThat(publisher.published.get(0).replicaIndex()).isEqualTo(2);
        assertThat(response.getTaskId()).isEqualTo(taskIds.get(0));
        assertThat(response.getOutcome()).isEqualTo(Outcome.ACK);
        assertThat(response.getProcessorId()).isEqualTo("proc-1");
        assertThat(runner.stats().acked()).isEqualTo(1);
    }

    @Test
    void theHandlerSeesTheDecodedStoredRecordAndTheTaskId() {
        List<String> taskIds = orchestrator.tasks().offer("evt", 1);
        List<ProcessorEvent> seen = new CopyOnWriteArrayList<>();
        runner = runnerFor(event -> {
            seen.add(event);
            return HandlerOutcome.ack();
        }).build().start();

        await().atMost(PATIENCE).until(() -> seen.size() == 1);

        ProcessorEvent event = seen.get(0);
        assertThat(event.taskId()).isEqualTo(taskIds.get(0));
        assertThat(event.eventId()).isEqualTo("evt-0");
        assertThat(event.companyId()).isEqualTo("acme");
        assertThat(event.source()).isEqualTo("crm");
        assertThat(event.type()).isEqualTo("contact.updated");
        assertThat(event.groupKey()).isEqualTo("contact-0");
        assertThat(new String(event.payload())).isEqualTo("{\"n\":0}");
        assertThat(event.attributes()).isEqualTo(Map.of("origin", "test"));
        assertThat(event.priority()).isEqualTo(Priority.P30);
        assertThat(event.ingestedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(event.sloDeadline()).isEqualTo(Instant.ofEpochMilli(6_000));
        assertThat(event.attempt()).isEqualTo(2);
        assertThat(event.delivery()).isEqualTo(3);
    }

    @Test
    void aRetryCarriesTheHandlersDelayHint() {
        orchestrator.tasks().offer("evt", 1);
        runner = runnerFor(event -> HandlerOutcome.retry(Duration.ofMillis(1500))).build().start();

        TaskResponse response = onlyResponse();

        assertThat(response.getOutcome()).isEqualTo(Outcome.RETRY);
        assertThat(response.getRetryAfterMs()).isEqualTo(1500);
        assertThat(runner.stats().retried()).isEqualTo(1);
    }

    @Test
    void aRetryWithoutAHintSendsNoDelay() {
        orchestrator.tasks().offer("evt", 1);
        runner = runnerFor(event -> HandlerOutcome.retry(null)).build().start();

        TaskResponse response = onlyResponse();

        assertThat(response.getOutcome()).isEqualTo(Outcome.RETRY);
        assertThat(response.getRetryAfterMs()).isZero();
    }

    @Test
    void aFailCarriesTheReason() {
        orchestrator.tasks().offer("evt", 1);
        runner = runnerFor(event -> HandlerOutcome.fail("schema mismatch")).build().start();

        TaskResponse response = onlyResponse();

        assertThat(response.getOutcome()).isEqualTo(Outcome.FAIL);
        assertThat(response.getReason()).isEqualTo("schema mismatch");
        assertThat(runner.stats().failed()).isEqualTo(1);
    }

    @Test
    void aHandlerThatThrowsIsAnsweredRetryWithTheExceptionsMessage() {
        orchestrator.tasks().offer("evt", 1);
        runner = runnerFor(event -> {
            throw new IllegalStateException("downstream is down");
        }).build().start();

        TaskResponse response = onlyResponse();

        assertThat(response.getOutcome()).isEqualTo(Outcome.RETRY);
        assertThat(response.getReason()).isEqualTo("downstream is down");
    }

    @Test
    void runningHandlersAndTasksInHandNeverExceedTheConcurrency() throws InterruptedException {
        orchestrator.tasks().offer("evt", 20);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        Semaphore proceed = new Semaphore(0);
        runner = runnerFor(event -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            proceed.acquire();
            running.decrementAndGet();
            return HandlerOutcome.ack();
        }).concurrency(3).build().start();

        await().atMost(PATIENCE).until(() -> running.get() == 3);
        assertThat(runner.stats().fetched()).isEqualTo(3);
        proceed.release(20);

        await().atMost(PATIENCE).until(() -> publisher.published.size() == 20);
        assertThat(mostRunning.get()).isEqualTo(3);
        assertThat(orchestrator.tasks().fetches).extracting(FetchNextBatchRequest::getMaxTasks)
                .allSatisfy(maxTasks -> assertThat(maxTasks).isBetween(1, 3));
    }

    @Test
    void eachOrchestratorHasAtMostOneLongPollOpen() {
        second = new FakeOrchestrator(5);
        runner = runnerFor(event -> HandlerOutcome.ack()).target(second.target()).longPollWait(Duration.ofMillis(60))
                .build().start();

        await().atMost(PATIENCE).until(() -> orchestrator.tasks().fetches.size() >= 5
                && second.tasks().fetches.size() >= 5);

        assertThat(orchestrator.tasks().mostPollsOpenAtOnce()).isEqualTo(1);
        assertThat(second.tasks().mostPollsOpenAtOnce()).isEqualTo(1);
    }

    @Test
    void anEmptyOrchestratorHoldingItsPollOpenDoesNotDelayWorkFromAnother() {
        second = new FakeOrchestrator(5);
        runner = runnerFor(event -> HandlerOutcome.ack()).target(second.target()).longPollWait(Duration.ofSeconds(4))
                .build().start();
        await().atMost(PATIENCE).until(() -> !orchestrator.tasks().fetches.isEmpty()
                && !second.tasks().fetches.isEmpty());

        second.tasks().offer("evt", 3);

        // Well within the 4 s the empty orchestrator holds its poll.
        await().atMost(Duration.ofSeconds(2)).until(() -> publisher.published.size() == 3);
        assertThat(publisher.published).extracting(RecordingPublisher.Published::replicaIndex).containsOnly(5);
    }

    @Test
    void aTaskWhoseLeaseExpiredBeforeItStartsIsDroppedUnrun() {
        orchestrator.tasks().leaseTtlMs = 0;
        orchestrator.tasks().offer("evt", 2);
        AtomicInteger calls = new AtomicInteger();
        runner = runnerFor(event -> {
            calls.incrementAndGet();
            return HandlerOutcome.ack();
        }).build().start();

        await().atMost(PATIENCE).until(() -> runner.stats().expiredBeforeStart() == 2);

        assertThat(calls.get()).isZero();
        assertThat(publisher.published).isEmpty();
        assertThat(orchestrator.tasks().released).isEmpty();
    }

    @Test
    void aSlowHandlersLeaseIsExtendedAfterTwoThirdsOfItsTtl() throws InterruptedException {
        orchestrator.tasks().leaseTtlMs = 300;
        orchestrator.tasks().offer("evt", 1);
        CountDownLatch extended = new CountDownLatch(1);
        runner = runnerFor(event -> {
            await().atMost(PATIENCE).until(() -> !orchestrator.tasks().extensions.isEmpty());
            extended.countDown();
            return HandlerOutcome.ack();
        }).build().start();

        assertThat(extended.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        String leaseId = orchestrator.tasks().leased.get(0).getLeaseId();
        assertThat(orchestrator.tasks().extensions.get(0).getLeaseId()).isEqualTo(leaseId);
        assertThat(orchestrator.tasks().extensions.get(0).getExtendByMs()).isEqualTo(300);
        assertThat(onlyResponse().getOutcome()).isEqualTo(Outcome.ACK);
    }

    @Test
    void aDryRunReleasesEverythingItFetchesAndPublishesNothing() {
        List<String> taskIds = orchestrator.tasks().offer("evt", 5);
        AtomicInteger calls = new AtomicInteger();
        runner = runnerFor(event -> {
            calls.incrementAndGet();
            return HandlerOutcome.ack();
        }).dryRun(true).build().start();

        await().atMost(PATIENCE).until(() -> orchestrator.tasks().released.size() == 5);
        runner.close();

        assertThat(orchestrator.tasks().released).containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(calls.get()).isZero();
        assertThat(publisher.published).isEmpty();
        assertThat(runner.stats().released()).isEqualTo(5);
    }

    @Test
    void closeLetsARunningHandlerFinishAndFlushesItsResponse() throws InterruptedException {
        orchestrator.tasks().offer("evt", 1);
        CountDownLatch handlerStarted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runner = runnerFor(event -> {
            handlerStarted.countDown();
            finish.await();
            return HandlerOutcome.ack();
        }).build().start();
        assertThat(handlerStarted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closer = new Thread(runner::close);
        closer.start();
        await().atMost(PATIENCE).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(publisher.published).isEmpty();
        finish.countDown();
        closer.join(PATIENCE.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(publisher.responses()).extracting(TaskResponse::getOutcome).containsExactly(Outcome.ACK);
        assertThat(publisher.publishedAtLastFlush).isEqualTo(1);
    }

    @Test
    void closeReleasesTasksAnOpenPollLeasesAfterClosingBeganAndStartsNone() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        runner = runnerFor(event -> {
            calls.incrementAndGet();
            return HandlerOutcome.ack();
        }).longPollWait(Duration.ofSeconds(3)).build().start();
        await().atMost(PATIENCE).until(() -> !orchestrator.tasks().fetches.isEmpty());

        Thread closer = new Thread(runner::close);
        closer.start();
        await().atMost(PATIENCE).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        List<String> taskIds = orchestrator.tasks().offer("evt", 3);
        closer.join(PATIENCE.toMillis());

        assertThat(closer.isAlive()).isFalse();
        assertThat(orchestrator.tasks().released).containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(calls.get()).isZero();
        assertThat(publisher.published).isEmpty();
        assertThat(publisher.flushes.get()).isEqualTo(1);
        assertThat(orchestrator.tasks().fetches).hasSize(1);
    }

    @Test
    void aRedeliveredEventInTheDedupWindowIsAckedWithoutRunningTheHandlerAgain() {
        orchestrator.tasks().offer("evt", 1);
        AtomicInteger calls = new AtomicInteger();
        runner = runnerFor(event -> {
            calls.incrementAndGet();
            return HandlerOutcome.ack();
        }).dedupWindow(10).build().start();
        await().atMost(PATIENCE).until(() -> publisher.published.size() == 1);

        orchestrator.tasks().offer("evt", 1);

        await().atMost(PATIENCE).until(() -> publisher.published.size() == 2);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(publisher.responses()).extracting(TaskResponse::getOutcome).containsOnly(Outcome.ACK);
    }

    @Test
    void aBatchHandlerGetsOneLeasesEventsInBatchesOfAtMostItsSizeAndEachOutcomeIsPublished() {
        List<String> taskIds = orchestrator.tasks().offer("evt", 5);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        runner = runnerFor(event -> HandlerOutcome.ack()).concurrency(8).batchHandler(events -> {
            batchSizes.add(events.size());
            return events.stream().map(event -> event.eventId().equals("evt-3")
                    ? HandlerOutcome.fail("no") : HandlerOutcome.ack()).toList();
        }, 2).build().start();

        await().atMost(PATIENCE).until(() -> publisher.published.size() == 5);

        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 2));
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(publisher.responses()).extracting(TaskResponse::getTaskId)
                .containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(publisher.responses()).filteredOn(response -> response.getOutcome() == Outcome.FAIL)
                .extracting(TaskResponse::getTaskId).containsExactly(taskIds.get(3));
        assertThat(runner.stats().acked()).isEqualTo(4);
    }

    @Test
    void aBatchHandlerThatThrowsIsAnsweredRetryForEveryEventOfTheBatch() {
        orchestrator.tasks().offer("evt", 3);
        runner = runnerFor(event -> HandlerOutcome.ack()).batchHandler(events -> {
            throw new IllegalStateException("endpoint down");
        }, 10).build().start();

        await().atMost(PATIENCE).until(() -> publisher.published.size() == 3);

        assertThat(publisher.responses()).extracting(TaskResponse::getOutcome).containsOnly(Outcome.RETRY);
        assertThat(publisher.responses()).extracting(TaskResponse::getReason).containsOnly("endpoint down");
    }

    @Test
    void aBatchHandlerAnsweringForTheWrongNumberOfEventsIsAnsweredRetryForTheWholeBatch() {
        orchestrator.tasks().offer("evt", 2);
        runner = runnerFor(event -> HandlerOutcome.ack())
                .batchHandler(events -> List.of(HandlerOutcome.ack()), 10).build().start();

        await().atMost(PATIENCE).until(() -> publisher.published.size() == 2);

        assertThat(publisher.responses()).extracting(TaskResponse::getOutcome).containsOnly(Outcome.RETRY);
        assertThat(publisher.responses().get(0).getReason()).contains("1 outcomes for 2 events");
    }

    @Test
    void closeReleasesATaskWhoseHandlerOutlivesTheGraceAndDropsItsLateOutcome() throws InterruptedException {
        List<String> taskIds = orchestrator.tasks().offer("evt", 1);
        CountDownLatch handlerStarted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch handlerReturned = new CountDownLatch(1);
        runner = runnerFor(event -> {
            handlerStarted.countDown();
            // Deaf to the interrupt of shutdownNow, as a handler stuck in a non-interruptible call is.
            boolean finished = false;
            while (!finished) {
                try {
                    finished = finish.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
            handlerReturned.countDown();
            return HandlerOutcome.ack();
        }).shutdownGrace(Duration.ofMillis(200)).build().start();
        assertThat(handlerStarted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        runner.close();
        assertThat(orchestrator.tasks().released).containsExactlyElementsOf(taskIds);
        finish.countDown();
        assertThat(handlerReturned.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        await().during(Duration.ofMillis(200)).atMost(PATIENCE).until(() -> publisher.published.isEmpty());
        assertThat(runner.stats().released()).isEqualTo(1);
    }
}
