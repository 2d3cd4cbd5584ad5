package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid fetches are refused naming the field, before the use case sees them. */
class TasksFetchValidationTest {

    private static final TasksLimits LIMITS = new TasksLimits(100, 10_000, 4L << 20, 64L << 20,
            Duration.ofSeconds(30));
    private static final FetchNextBatchRequest VALID = FetchNextBatchRequest.newBuilder()
            .setProcessorId("processor-a")
            .setMaxTasks(10)
            .setMaxBytes(1_000)
            .setWaitMs(1_000)
            .setLeaseTtlMs(5_000)
            .build();

    private final FakeFetchTasksUseCase fetchTasks = new FakeFetchTasksUseCase();
    private final TasksServer server = new TasksServer(fetchTasks, new FakeLeaseControlUseCase(), LIMITS);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private StatusRuntimeException failureOfFetching(FetchNextBatchRequest request) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> server.blockingStub().fetchNextBatch(request));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("missing processor id", VALID.toBuilder().clearProcessorId().build(), "processor_id"),
                Arguments.of("blank processor id", VALID.toBuilder().setProcessorId("  ").build(), "processor_id"),
                Arguments.of("processor id too long", VALID.toBuilder().setProcessorId("p".repeat(257)).build(),
                        "processor_id"),
                Arguments.of("negative max tasks", VALID.toBuilder().setMaxTasks(-1).build(), "max_tasks"),
                Arguments.of("negative max bytes", VALID.toBuilder().setMaxBytes(-1).build(), "max_bytes"),
                Arguments.of("negative wait", VALID.toBuilder().setWaitMs(-1).build(), "wait_ms"),
                Arguments.of("wait above the limit", VALID.toBuilder().setWaitMs(30_001).build(), "wait_ms"),
                Arguments.of("negative lease ttl", VALID.toBuilder().setLeaseTtlMs(-1).build(), "lease_ttl_ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidFieldIsInvalidArgumentNamingIt(String why, FetchNextBatchRequest request, String field)
            throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfFetching(request);

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure.getStatus().getDescription()).startsWith(field + " ");
        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolationsList())
                .singleElement()
                .satisfies(violation -> assertThat(violation.getField()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidFetchNeverReachesTheUseCase(String why, FetchNextBatchRequest request, String field) {
        failureOfFetching(request);

        assertThat(fetchTasks.wasCalled()).isFalse();
    }

    @Test
    void everyInvalidFieldOfARequestIsNamed() throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfFetching(VALID.toBuilder()
                .clearProcessorId()
                .setMaxTasks(-5)
                .setWaitMs(-1)
                .build());

        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("processor_id", "max_tasks", "wait_ms");
    }

    @Test
    void theViolationSaysWhatTheLimitIs() throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfFetching(VALID.toBuilder().setWaitMs(45_000).build());

        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolations(0).getDescription())
                .isEqualTo("must be in 0..30000, was 45000");
    }
}
