package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.FetchTasksCommand;
import io.eventgateway.application.dispatch.FetchTasksUseCase;
import io.eventgateway.application.dispatch.LeaseControlUseCase;
import io.eventgateway.application.dispatch.LeaseControlUseCase.ExtendOutcome;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.ReleaseRequest;
import io.eventgateway.protocol.v1.ReleaseResponse;
import io.eventgateway.protocol.v1.TasksGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * gRPC {@code Tasks}: processors lease batches, extend leases and hand tasks back. A fetch is answered when the use
 * case's future completes, so a long-poll holds no gRPC thread; a batch leased for a client that has gone (cancel or
 * deadline) is released at once instead of waiting out its lease. Invalid requests are refused before the use cases
 * see them, naming the field.
 */
public final class GrpcTasksService extends TasksGrpc.TasksImplBase {

    private final FetchTasksUseCase fetchTasks;
    private final LeaseControlUseCase leaseControl;
    private final TasksLimits limits;

    public GrpcTasksService(FetchTasksUseCase fetchTasks, LeaseControlUseCase leaseControl, TasksLimits limits) {
        this.fetchTasks = Objects.requireNonNull(fetchTasks, "fetchTasks");
        this.leaseControl = Objects.requireNonNull(leaseControl, "leaseControl");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void fetchNextBatch(FetchNextBatchRequest request, StreamObserver<FetchNextBatchResponse> observer) {
        Optional<FetchTasksCommand> command = validOrRefused(TasksRequestMapper.toFetchCommand(request, limits),
                observer);
        if (command.isEmpty()) {
            return;
        }
        FetchCall call = new FetchCall(observer, leaseControl);
        // Registered before the fetch starts, while gRPC still holds back the cancel: none can slip by unseen.
        ((ServerCallStreamObserver<FetchNextBatchResponse>) observer).setOnCancelHandler(call::onCancelled);
        CompletableFuture<LeaseGrant> fetched;
        try {
            fetched = fetchTasks.fetch(command.get());
        } catch (RuntimeException e) {
            // One path below answers a thrown failure and a failed future alike.
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete(call::onAnswer);
    }

    @Override
    public void extendLease(ExtendLeaseRequest request, StreamObserver<ExtendLeaseResponse> observer) {
        Optional<TasksRequestMapper.Extension> checked = validOrRefused(TasksRequestMapper.toExtension(request),
                observer);
        if (checked.isEmpty()) {
            return;
        }
        TasksRequestMapper.Extension extension = checked.get();
        ExtendOutcome outcome;
        try {
            outcome = leaseControl.extend(extension.leaseId(), extension.by());
        } catch (RuntimeException e) {
            observer.onError(TasksStatusMapper.toStatusException("ExtendLease", e));
            return;
        }
        switch (outcome.status()) {
            case EXTENDED -> {
                observer.onNext(ExtendLeaseResponse.newBuilder()
                        .setLeaseTtlMs(outcome.remaining().toMillis())
                        .setCapped(outcome.capped())
                        .build());
                observer.onCompleted();
            }
            case EXPIRED -> observer.onError(TasksStatusMapper.leaseExpired(extension.leaseId()));
            case UNKNOWN -> observer.onError(TasksStatusMapper.leaseUnknown(extension.leaseId()));
        }
    }

    @Override
    public void release(ReleaseRequest request, StreamObserver<ReleaseResponse> observer) {
        Optional<List<String>> taskIds = validOrRefused(TasksRequestMapper.toReleasedTaskIds(request), observer);
        if (taskIds.isEmpty()) {
            return;
        }
        int released;
        try {
            released = leaseControl.release(taskIds.get());
        } catch (RuntimeException e) {
            observer.onError(TasksStatusMapper.toStatusException("Release", e));
            return;
        }
        observer.onNext(ReleaseResponse.newBuilder().setReleased(released).build());
        observer.onCompleted();
    }

    /** The checked request's value, or empty once the call has been refused naming the invalid fields. */
    private static <T> Optional<T> validOrRefused(RequestCheck<T> check, StreamObserver<?> observer) {
        if (check instanceof RequestCheck.Invalid<T> invalid) {
            observer.onError(TasksStatusMapper.invalidArgument(invalid.violations()));
            return Optional.empty();
        }
        return Optional.of(((RequestCheck.Valid<T>) check).value());
    }
}
