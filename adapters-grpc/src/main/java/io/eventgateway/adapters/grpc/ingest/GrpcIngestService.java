package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * gRPC {@code Ingest.PublishEvents}: maps the request onto {@link PublishEventsUseCase} and its receipts back, one
 * result per event. Partial failure is an ordinary OK response; only a refused or failed request is a gRPC error.
 * The call is answered when the use case's future completes, so no gRPC thread waits on a store.
 *
 * <p>The service is bound by hand rather than through {@code IngestImplBase}: the request is parsed as its wire
 * twin {@link WirePublishEventsRequest} (strings as bytes), so invalid UTF-8 becomes a violation of the field it is
 * in instead of a call failed by grpc-java before any of this code runs. Clients, reflection and the response use
 * the public {@code ingest.proto} contract unchanged. Bytes that are not a request at all are answered
 * {@code INVALID_ARGUMENT} naming the request (see {@link ReceivedRequest}).
 */
public final class GrpcIngestService implements BindableService {

    private final PublishEventsUseCase useCase;

    public GrpcIngestService(PublishEventsUseCase useCase) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
    }

    @Override
    public ServerServiceDefinition bindService() {
        MethodDescriptor<ReceivedRequest, PublishEventsResponse> publishEvents =
                IngestGrpc.getPublishEventsMethod().toBuilder(ReceivedRequest.MARSHALLER,
                        ProtoUtils.marshaller(PublishEventsResponse.getDefaultInstance()))
                        .build();
        ServiceDescriptor service = ServiceDescriptor.newBuilder(IngestGrpc.SERVICE_NAME)
                .setSchemaDescriptor(IngestGrpc.getServiceDescriptor().getSchemaDescriptor())
                .addMethod(publishEvents)
                .build();
        return ServerServiceDefinition.builder(service)
                .addMethod(publishEvents, ServerCalls.asyncUnaryCall(this::publishEvents))
                .build();
    }

    void publishEvents(ReceivedRequest received, StreamObserver<PublishEventsResponse> responseObserver) {
        if (received instanceof ReceivedRequest.Unreadable unreadable) {
            responseObserver.onError(IngestStatusMapper.unreadable(unreadable.reason()));
            return;
        }
        WirePublishEventsRequest request = ((ReceivedRequest.Parsed) received).request();
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
