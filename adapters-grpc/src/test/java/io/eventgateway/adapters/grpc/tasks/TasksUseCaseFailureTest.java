package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.ReleaseRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a client sees when a use case throws or fails its future. */
class TasksUseCaseFailureTest {

    private static final FetchNextBatchRequest FETCH = FetchNextBatchRequest.newBuilder()
            .setProcessorId("processor-a")
            .build();

    private final FakeFetchTasksUseCase fetchTasks = new FakeFetchTasksUseCase();
    private final FakeLeaseControlUseCase leaseControl = new FakeLeaseControlUseCase();
    private final TasksServer server = new TasksServer(fetchTasks, leaseControl, TasksLimits.standard());

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private Status statusOfFetching() {
        return catchThrowableOfType(StatusRuntimeException.class, () -> server.blockingStub().fetchNextBatch(FETCH))
                .getStatus();
    }

    @Test
    void anIllegalArgumentFromTheUseCaseIsInvalidArgumentWithItsMessage() {
        fetchTasks.throwOnFetch(new IllegalArgumentException("requestedTtl must be positive"));

        Status status = statusOfFetching();

        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("requestedTtl must be positive");
    }

    @Test
    void anIllegalArgumentDeliveredThroughTheFutureIsMappedLikeAThrownOne() {
        fetchTasks.answerWith(command -> CompletableFuture.failedFuture(new IllegalArgumentException("bad")));

        assertThat(statusOfFetching().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void anUnexpectedExceptionIsInternalWithoutItsDetails() {
        fetchTasks.throwOnFetch(new IllegalStateException("secret internals"));

        Status status = statusOfFetching();

        assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getDescription()).doesNotContain("secret internals");
    }

    @Test
    void aFailedFutureIsInternal() {
        fetchTasks.answerWith(command -> CompletableFuture.failedFuture(new IllegalStateException("queue broke")));

        assertThat(statusOfFetching().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void aFencedReplicaIsUnavailableSoTheProcessorRetriesElsewhere() {
        fetchTasks.answerWith(command -> CompletableFuture.failedFuture(
                new ReplicaFencedException("fenced by a newer process", null)));

        assertThat(statusOfFetching().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void aFailingExtensionIsInternal() {
        leaseControl.failWith(new IllegalStateException("lease table broke"));

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> server.blockingStub().extendLease(ExtendLeaseRequest.newBuilder()
                        .setLeaseId("lease-17").setExtendByMs(1_000).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void aReleaseTheUseCaseRejectsIsInvalidArgument() {
        leaseControl.failWith(new IllegalArgumentException("task 2:eg.p30:3:41:1 belongs to replica 2, not 0"));

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> server.blockingStub().release(ReleaseRequest.newBuilder()
                        .addAllTaskIds(Grants.twoTaskIds()).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).contains("belongs to replica 2");
    }
}
