package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * gRPC {@code Ingest.PublishEvents}: maps the request onto {@link PublishEventsUseCase} and its receipts back, one
 * result per event. Partial failure is an ordinary OK response; only a refused or failed request is a gRPC error.
 * The call is answered when the use case's future completes, so no gRPC thread waits on a store.
 */
public final class GrpcIngestService extends IngestGrpc.IngestImplBase {

    private final PublishEventsUseCase useCase;

    public GrpcIngestService(PublishEventsUseCase useCase) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
    }

    @Override
    public void publishEvents(PublishEventsRequest request, StreamObserver<PublishEventsResponse> responseObserver) {
        CompletableFuture<PublishEventsResult> published;
        try {
            published = useCase.publish(IngestEventMapper.toCommand(request));
        } catch (RuntimeException e) {
            // The use case refuses whole requests synchronously; one path below answers every failure alike.
            published = CompletableFuture.failedFuture(e);
        }
        published.thenApply(EventResultMapper::toResponse).whenComplete((response, failure) -> {
            if (failure != null) {
                responseObserver.onError(IngestStatusMapper.toStatusException(failure));
            } else {
                responseObserver.onNext(response);
                responseObserver.onCompleted();
            }
        });
    }
}
