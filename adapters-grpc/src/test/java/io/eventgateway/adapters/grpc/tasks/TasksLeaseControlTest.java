package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.eventgateway.application.dispatch.LeaseControlUseCase.ExtendOutcome;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.ReleaseRequest;
import io.eventgateway.protocol.v1.ReleaseResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ExtendLease and Release over real gRPC: outcomes, refusals and what reaches the lease table. */
class TasksLeaseControlTest {

    private static final ExtendLeaseRequest EXTEND = ExtendLeaseRequest.newBuilder()
            .setLeaseId("lease-17")
            .setExtendByMs(20_000)
            .build();

    private final FakeLeaseControlUseCase leaseControl = new FakeLeaseControlUseCase();
    private final TasksServer server = new TasksServer(new FakeFetchTasksUseCase(), leaseControl,
            TasksLimits.standard());

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private StatusRuntimeException failureOfExtending(ExtendLeaseRequest request) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> server.blockingStub().extendLease(request));
    }

    private StatusRuntimeException failureOfReleasing(ReleaseRequest request) {
        return catchThrowableOfType(StatusRuntimeException.class, () -> server.blockingStub().release(request));
    }

    @Test
    void anExtensionReachesTheLeaseTableWithItsLeaseIdAndDuration() {
        server.blockingStub().extendLease(EXTEND);

        assertThat(leaseControl.extensions())
                .containsExactly(new FakeLeaseControlUseCase.Extension("lease-17", Duration.ofSeconds(20)));
    }

    @Test
    void anExtendedLeaseAnswersItsRemainingTtl() {
        leaseControl.extendWith(new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.ofMillis(61_500), false));

        ExtendLeaseResponse response = server.blockingStub().extendLease(EXTEND);

        assertThat(response.getLeaseTtlMs()).isEqualTo(61_500);
        assertThat(response.getCapped()).isFalse();
    }

    @Test
    void anExtensionCutShortByTheTotalLeaseTimeSaysItWasCapped() {
        leaseControl.extendWith(new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.ofSeconds(5), true));

        ExtendLeaseResponse response = server.blockingStub().extendLease(EXTEND);

        assertThat(response.getCapped()).isTrue();
    }

    @Test
    void extendingAnExpiredLeaseIsFailedPreconditionNamingTheLease() {
        leaseControl.extendWith(new ExtendOutcome(ExtendOutcome.Status.EXPIRED, Duration.ZERO, false));

        StatusRuntimeException failure = failureOfExtending(EXTEND);

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(failure.getStatus().getDescription()).contains("lease-17");
    }

    @Test
    void extendingAnUnknownLeaseIsNotFoundNamingTheLease() {
        leaseControl.extendWith(new ExtendOutcome(ExtendOutcome.Status.UNKNOWN, Duration.ZERO, false));

        StatusRuntimeException failure = failureOfExtending(EXTEND);

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure.getStatus().getDescription()).contains("lease-17");
    }

    @Test
    void anExtensionWithoutALeaseIdIsInvalidArgumentNamingIt() throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfExtending(EXTEND.toBuilder().clearLeaseId().build());

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("lease_id");
    }

    @Test
    void anExtensionByNothingIsInvalidArgumentNamingTheField() throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfExtending(EXTEND.toBuilder().setExtendByMs(0).build());

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly("extend_by_ms");
    }

    @Test
    void anInvalidExtensionNeverReachesTheLeaseTable() {
        failureOfExtending(EXTEND.toBuilder().setExtendByMs(-1).build());

        assertThat(leaseControl.extensions()).isEmpty();
    }

    @Test
    void aReleaseHandsTheTaskIdsOnAndAnswersHowManyWereReleased() {
        ReleaseResponse response = server.blockingStub().release(ReleaseRequest.newBuilder()
                .addAllTaskIds(Grants.twoTaskIds())
                .build());

        assertThat(response.getReleased()).isEqualTo(2);
        assertThat(leaseControl.releases()).containsExactly(Grants.twoTaskIds());
    }

    @Test
    void aMalformedTaskIdIsInvalidArgumentNamingItsIndex() throws InvalidProtocolBufferException {
        StatusRuntimeException failure = failureOfReleasing(ReleaseRequest.newBuilder()
                .addTaskIds(Grants.FIRST_ID.asString())
                .addTaskIds("2:eg.p30:3:forty-one:1")
                .build());

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusDetails.of(failure, BadRequest.class).getFieldViolationsList())
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.getField()).isEqualTo("task_ids[1]");
                    assertThat(violation.getDescription()).contains("forty-one");
                });
    }

    @Test
    void aReleaseWithAMalformedTaskIdReleasesNothing() {
        failureOfReleasing(ReleaseRequest.newBuilder()
                .addTaskIds(Grants.FIRST_ID.asString())
                .addTaskIds("not-a-task-id")
                .build());

        assertThat(leaseControl.releases()).isEmpty();
    }

    @Test
    void anEmptyReleaseReleasesNothing() {
        ReleaseResponse response = server.blockingStub().release(ReleaseRequest.getDefaultInstance());

        assertThat(response.getReleased()).isZero();
        assertThat(leaseControl.releases()).containsExactly(List.of());
    }
}
