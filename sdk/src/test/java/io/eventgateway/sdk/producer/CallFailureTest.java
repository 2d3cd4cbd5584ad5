package io.eventgateway.sdk.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallFailureTest {

    private static final EnumSet<Status.Code> RETRIABLE =
            EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED);

    private static StatusRuntimeException withDetail(Status.Code code, Any detail) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value()).setMessage("refused").addDetails(detail).build());
    }

    @ParameterizedTest
    @EnumSource(Status.Code.class)
    void onlyUnavailableAndResourceExhaustedAreRetriable(Status.Code code) {
        CallFailure failure = CallFailure.of(Status.fromCode(code).asRuntimeException());

        assertThat(failure instanceof CallFailure.Retriable).isEqualTo(RETRIABLE.contains(code));
    }

    @ParameterizedTest
    @EnumSource(value = Status.Code.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"UNAVAILABLE", "RESOURCE_EXHAUSTED", "INVALID_ARGUMENT"})
    void anyOtherCodeLeavesTheEventsUnavailableWithoutRetry(Status.Code code) {
        CallFailure failure = CallFailure.of(Status.fromCode(code).withDescription("why").asRuntimeException());

        assertThat(failure).isEqualTo(new CallFailure.Final(EventResult.Status.UNAVAILABLE,
                FieldError.newBuilder()
                        .setReason("the call failed with " + code + ": why").build()));
    }

    @Test
    void aRetryInfoDelayBecomesTheRetryDelay() {
        Any retryInfo = Any.pack(RetryInfo.newBuilder()
                .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(1).setNanos(500_000_000)).build());

        CallFailure failure = CallFailure.of(withDetail(Status.Code.RESOURCE_EXHAUSTED, retryInfo));

        assertThat(failure).isEqualTo(new CallFailure.Retriable(Duration.ofMillis(1500),
                "the call failed with RESOURCE_EXHAUSTED: refused"));
    }

    @Test
    void withoutRetryInfoThereIsNoRetryDelay() {
        CallFailure failure = CallFailure.of(Status.UNAVAILABLE.asRuntimeException());

        assertThat(((CallFailure.Retriable) failure).retryDelay()).isNull();
    }

    @Test
    void invalidArgumentRejectsTheEventsNamingTheBadRequestField() {
        Any badRequest = Any.pack(BadRequest.newBuilder().addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField("request").setDescription("too big")).build());

        CallFailure failure = CallFailure.of(withDetail(Status.Code.INVALID_ARGUMENT, badRequest));

        CallFailure.Final rejected = (CallFailure.Final) failure;
        assertThat(rejected.status()).isEqualTo(EventResult.Status.REJECTED);
        assertThat(rejected.error().getField()).isEqualTo("request");
        assertThat(rejected.error().getReason()).isEqualTo("the call failed with INVALID_ARGUMENT: refused");
    }

    @Test
    void invalidArgumentWithoutDetailsRejectsWithoutAField() {
        CallFailure failure = CallFailure.of(Status.INVALID_ARGUMENT.withDescription("bad").asRuntimeException());

        assertThat(((CallFailure.Final) failure).error().getField()).isEmpty();
    }

    @Test
    void aFailureThatIsNoGrpcStatusIsDescribedByItsMessage() {
        CallFailure failure = CallFailure.of(new IllegalStateException("broken"));

        assertThat(((CallFailure.Final) failure).error().getReason())
                .isEqualTo("the call failed with UNKNOWN: broken");
    }
}
