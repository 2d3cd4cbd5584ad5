package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.application.dispatch.FetchTasksCommand;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fetch as the use case receives it and a grant as the processor receives it, over real gRPC. */
class TasksFetchMappingTest {

    private static final TasksLimits LIMITS = new TasksLimits(100, 10_000, 4L << 20, 64L << 20,
            Duration.ofSeconds(30));
    private static final FetchNextBatchRequest PLAIN = FetchNextBatchRequest.newBuilder()
            .setProcessorId("processor-a")
            .build();

    private final FakeFetchTasksUseCase fetchTasks = new FakeFetchTasksUseCase();
    private final FakeLeaseControlUseCase leaseControl = new FakeLeaseControlUseCase();
    private final TasksServer server = new TasksServer(fetchTasks, leaseControl, LIMITS);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private FetchTasksCommand commandFor(FetchNextBatchRequest request) throws InterruptedException {
        server.blockingStub().fetchNextBatch(request);
        return fetchTasks.awaitCommand();
    }

    @Test
    void aGrantCarriesItsLeaseIdTtlAndReplicaIndex() {
        fetchTasks.answerWithGrant(Grants.twoTasks());

        FetchNextBatchResponse response = server.blockingStub().fetchNextBatch(PLAIN);

        assertThat(response.getLeaseId()).isEqualTo("lease-17");
        assertThat(response.getLeaseTtlMs()).isEqualTo(45_000);
        assertThat(response.getReplicaIndex()).isEqualTo(2);
    }

    @Test
    void eachLeasedTaskCarriesItsIdItsRecordBytesUnchangedAndItsDelivery() {
        fetchTasks.answerWithGrant(Grants.twoTasks());

        FetchNextBatchResponse response = server.blockingStub().fetchNextBatch(PLAIN);

        assertThat(response.getTasksList()).extracting(LeasedTask::getTaskId)
                .containsExactly("2:eg.p30:3:41:1", "2:eg.retry.1:0:7:3");
        assertThat(response.getTasks(0).getStoredRecord().toByteArray()).isEqualTo(Grants.FIRST_RECORD);
        assertThat(response.getTasks(1).getStoredRecord().toByteArray()).isEqualTo(Grants.SECOND_RECORD);
        assertThat(response.getTasksList()).extracting(LeasedTask::getDelivery).containsExactly(1, 3);
    }

    @Test
    void anEmptyGrantIsAnEmptyBatchWithoutALeaseId() {
        fetchTasks.answerWithGrant(LeaseGrant.empty(4));

        FetchNextBatchResponse response = server.blockingStub().fetchNextBatch(PLAIN);

        assertThat(response.getTasksList()).isEmpty();
        assertThat(response.getLeaseId()).isEmpty();
        assertThat(response.getLeaseTtlMs()).isZero();
        assertThat(response.getReplicaIndex()).isEqualTo(4);
    }

    @Test
    void theRequestedLimitsWaitAndTtlArePassedOn() throws InterruptedException {
        FetchTasksCommand command = commandFor(FetchNextBatchRequest.newBuilder()
                .setProcessorId("processor-a")
                .setMaxTasks(25)
                .setMaxBytes(1_000)
                .setWaitMs(1_500)
                .setLeaseTtlMs(10_000)
                .build());

        assertThat(command).isEqualTo(new FetchTasksCommand("processor-a", 25, 1_000, Duration.ofMillis(1_500),
                Duration.ofSeconds(10)));
    }

    @Test
    void givenZeroLimits_whenFetching_thenTheConfiguredDefaultsAreAskedFor() throws InterruptedException {
        FetchTasksCommand command = commandFor(PLAIN);

        assertThat(command.maxTasks()).isEqualTo(100);
        assertThat(command.maxBytes()).isEqualTo(4L << 20);
    }

    @Test
    void givenAZeroLeaseTtl_whenFetching_thenTheOrchestratorsTtlIsAskedFor() throws InterruptedException {
        FetchTasksCommand command = commandFor(PLAIN);

        assertThat(command.requestedTtl()).isNull();
    }

    @Test
    void givenAZeroWait_whenFetching_thenTheUseCaseAnswersAtOnce() throws InterruptedException {
        FetchTasksCommand command = commandFor(PLAIN);

        assertThat(command.maxWait()).isZero();
    }

    @Test
    void givenLimitsAboveTheCaps_whenFetching_thenTheCapsAreAskedFor() throws InterruptedException {
        FetchTasksCommand command = commandFor(FetchNextBatchRequest.newBuilder()
                .setProcessorId("processor-a")
                .setMaxTasks(10_001)
                .setMaxBytes(Long.MAX_VALUE)
                .build());

        assertThat(command.maxTasks()).isEqualTo(10_000);
        assertThat(command.maxBytes()).isEqualTo(64L << 20);
    }

    @Test
    void aProcessorIdOfTheMaximumLengthIsAccepted() throws InterruptedException {
        String longestId = "p".repeat(TasksRequestMapper.MAX_PROCESSOR_ID_LENGTH);

        FetchTasksCommand command = commandFor(PLAIN.toBuilder().setProcessorId(longestId).build());

        assertThat(command.processorId()).isEqualTo(longestId);
    }

    @Test
    void theLongestAllowedWaitIsAccepted() throws InterruptedException {
        FetchTasksCommand command = commandFor(PLAIN.toBuilder().setWaitMs(30_000).build());

        assertThat(command.maxWait()).isEqualTo(Duration.ofSeconds(30));
    }
}
