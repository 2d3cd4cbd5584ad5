package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.util.concurrent.ListenableFuture;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long-polls over real gRPC: they hold no handler thread, and a batch leased for a client that left goes back. */
class TasksLongPollTest {

    private static final FetchNextBatchRequest LONG_POLL = FetchNextBatchRequest.newBuilder()
            .setProcessorId("processor-a")
            .setWaitMs(20_000)
            .build();

    private final FakeFetchTasksUseCase fetchTasks = new FakeFetchTasksUseCase();
    private final FakeLeaseControlUseCase leaseControl = new FakeLeaseControlUseCase();
    private final TasksServer server = new TasksServer(fetchTasks, leaseControl, TasksLimits.standard());
    private final Queue<CompletableFuture<LeaseGrant>> pendingFetches = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private void fetchesWaitForWork() {
        fetchTasks.answerWith(command -> {
            CompletableFuture<LeaseGrant> pending = new CompletableFuture<>();
            pendingFetches.add(pending);
            return pending;
        });
    }

    @Test
    void givenAClientThatCancelledWhileWaiting_whenTasksAreLeased_thenTheyAreReleased() throws Exception {
        fetchesWaitForWork();
        ListenableFuture<FetchNextBatchResponse> fetch = server.futureStub().fetchNextBatch(LONG_POLL);
        fetchTasks.awaitCommand();

        fetch.cancel(true);
        server.awaitServerSawCancel();
        pendingFetches.remove().complete(Grants.twoTasks());

        assertThat(leaseControl.releases()).containsExactly(Grants.twoTaskIds());
    }

    @Test
    void givenAClientWhoseDeadlinePassedWhileWaiting_whenTasksAreLeased_thenTheyAreReleased() throws Exception {
        fetchesWaitForWork();
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> server.blockingStub().withDeadlineAfter(200, TimeUnit.MILLISECONDS).fetchNextBatch(LONG_POLL));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);

        server.awaitServerSawCancel();
        pendingFetches.remove().complete(Grants.twoTasks());

        assertThat(leaseControl.releases()).containsExactly(Grants.twoTaskIds());
    }

    @Test
    void givenAClientThatCancelledWhileWaiting_whenNoWorkCame_thenNothingIsReleased() throws Exception {
        fetchesWaitForWork();
        ListenableFuture<FetchNextBatchResponse> fetch = server.futureStub().fetchNextBatch(LONG_POLL);
        fetchTasks.awaitCommand();

        fetch.cancel(true);
        server.awaitServerSawCancel();
        pendingFetches.remove().complete(LeaseGrant.empty(2));

        assertThat(leaseControl.releases()).isEmpty();
    }

    @Test
    void aBatchDeliveredToAWaitingClientIsNotReleased() throws Exception {
        fetchesWaitForWork();
        ListenableFuture<FetchNextBatchResponse> fetch = server.futureStub().fetchNextBatch(LONG_POLL);
        fetchTasks.awaitCommand();

        pendingFetches.remove().complete(Grants.twoTasks());

        assertThat(fetch.get(10, TimeUnit.SECONDS).getTasksCount()).isEqualTo(2);
        assertThat(leaseControl.releases()).isEmpty();
    }

    @Test
    void waitingFetchesHoldNoHandlerThreadSoALeaseCanStillBeExtended() throws Exception {
        fetchesWaitForWork();
        int waiting = 10 * TasksServer.HANDLER_THREADS;
        List<ListenableFuture<FetchNextBatchResponse>> fetches = new ArrayList<>(waiting);
        for (int i = 0; i < waiting; i++) {
            fetches.add(server.futureStub().fetchNextBatch(LONG_POLL));
        }
        // Every fetch reaches the use case only if none of the earlier ones kept its handler thread.
        fetchTasks.awaitCommands(waiting);

        ExtendLeaseResponse extended = server.blockingStub().extendLease(ExtendLeaseRequest.newBuilder()
                .setLeaseId("lease-17").setExtendByMs(1_000).build());

        assertThat(extended.getLeaseTtlMs()).isPositive();
        assertThat(fetches).noneMatch(ListenableFuture::isDone);
        pendingFetches.forEach(pending -> pending.complete(LeaseGrant.empty(0)));
        for (ListenableFuture<FetchNextBatchResponse> fetch : fetches) {
            assertThat(fetch.get(10, TimeUnit.SECONDS).getTasksList()).isEmpty();
        }
    }
}
