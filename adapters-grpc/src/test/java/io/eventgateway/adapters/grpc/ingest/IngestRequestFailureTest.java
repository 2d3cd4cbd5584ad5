package io.eventgateway.adapters.grpc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.RequestRefusedException;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request-level failures as a gRPC client sees them, and the non-blocking answer path. */
class IngestRequestFailureTest {

    private static final PublishEventsRequest ONE_EVENT = PublishEventsRequest.newBuilder()
            .addEvents(Event.newBuilder().setEventId("e-1"))
            .build();

    private final FakePublishEventsUseCase useCase = new FakePublishEventsUseCase();
    private final IngestServer server = new IngestServer(useCase);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private StatusRuntimeException failureOfPublishing() {
        return catchThrowableOfType(StatusRuntimeException.class,
                () -> server.blockingStub().publishEvents(ONE_EVENT));
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException failure, Class<T> type)
            throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        assertThat(status).as("rich status details").isNotNull();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(type)) {
                return detail.unpack(type);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status.getDetailsList());
    }

    @Test
    void aTooLargeRequestIsInvalidArgumentWithBadRequestDetailsNamingTheField()
            throws InvalidProtocolBufferException {
        useCase.throwOnPublish(new RequestRefusedException(RequestRefusedException.Reason.TOO_LARGE, "events",
                "has 10001 events, more than the limit of 10000", null));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription())
                .isEqualTo("events has 10001 events, more than the limit of 10000");
        assertThat(detail(failure, BadRequest.class).getFieldViolationsList()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("events");
            assertThat(v.getDescription()).isEqualTo("has 10001 events, more than the limit of 10000");
        });
    }

    @Test
    void anOverloadedGatewayIsResourceExhaustedWithRetryInfo() throws InvalidProtocolBufferException {
        useCase.throwOnPublish(new RequestRefusedException(RequestRefusedException.Reason.OVERLOADED, "request",
                "the gateway holds its limit of 1000 in-flight bytes; retry shortly", Duration.ofMillis(1500)));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(failure.getStatus().getDescription()).contains("in-flight bytes");
        com.google.protobuf.Duration delay = detail(failure, RetryInfo.class).getRetryDelay();
        assertThat(Duration.ofSeconds(delay.getSeconds(), delay.getNanos())).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anOverloadWithoutARetryHintIsStillResourceExhausted() {
        useCase.throwOnPublish(new RequestRefusedException(RequestRefusedException.Reason.OVERLOADED, "request",
                "busy", null));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(StatusProto.fromThrowable(failure).getDetailsList()).isEmpty();
    }

    @Test
    void aRefusalDeliveredThroughTheFutureIsMappedLikeAThrownOne() {
        useCase.answerWith(command -> CompletableFuture.failedFuture(new RequestRefusedException(
                RequestRefusedException.Reason.OVERLOADED, "request", "busy", Duration.ofSeconds(1))));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void anUnexpectedExceptionFromTheUseCaseIsInternalWithoutItsDetails() {
        useCase.throwOnPublish(new IllegalStateException("secret internals"));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(failure.getStatus().getDescription())
                .contains("retry with the same event ids")
                .doesNotContain("secret internals");
    }

    @Test
    void aFailedFutureIsInternal() {
        useCase.answerWith(command -> CompletableFuture.failedFuture(new IllegalStateException("store crashed")));

        StatusRuntimeException failure = failureOfPublishing();

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void aPendingPublishDoesNotHoldTheHandlerThreadAndIsAnsweredWhenItCompletes() throws Exception {
        CompletableFuture<PublishEventsResult> heldStore = new CompletableFuture<>();
        EventReceipt stored = new EventReceipt.Stored("e-1", Priority.P30, Lane.P30,
                new StoredLocation.Primary("primary", "eg.p30", 0, 1));
        // Answer by content, not by arrival order: the two calls may reach the server in either order.
        useCase.answerWith(command -> "held".equals(command.events().get(0).eventId())
                ? heldStore
                : CompletableFuture.completedFuture(new PublishEventsResult(List.of(stored))));
        PublishEventsRequest held = PublishEventsRequest.newBuilder()
                .addEvents(Event.newBuilder().setEventId("held")).build();

        ListenableFuture<PublishEventsResponse> first = server.futureStub().publishEvents(held);
        // The server has a single handler thread: this call is answered only if the held one did not block it.
        PublishEventsResponse second = server.blockingStub().publishEvents(ONE_EVENT);
        assertThat(first.isDone()).isFalse();
        heldStore.complete(new PublishEventsResult(List.of(stored)));

        assertThat(second.getResults(0).getStatus()).isEqualTo(EventResult.Status.STORED);
        assertThat(first.get(10, TimeUnit.SECONDS).getResults(0).getStatus()).isEqualTo(EventResult.Status.STORED);
    }

    @Test
    void bytesThatAreNotAProtobufRequestAreInvalidArgumentNamingTheRequest() throws InvalidProtocolBufferException {
        // A field tag announcing a length-delimited field longer than the bytes that follow.
        byte[] truncated = {0x0A, 0x7F, 0x01};

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> server.publishBytes(truncated));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        BadRequest.FieldViolation violation = detail(refused, BadRequest.class).getFieldViolations(0);
        assertThat(violation.getField()).isEqualTo("request");
        assertThat(violation.getDescription()).startsWith("is not a valid PublishEventsRequest: ");
        assertThat(useCase.commandCount()).isZero();
    }
}
