package io.eventgateway.sdk.producer;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.List;

/**
 * What a failed {@code PublishEvents} call means for the events it carried. The one place the producer reads gRPC
 * status codes: {@code UNAVAILABLE} and {@code RESOURCE_EXHAUSTED} are worth another attempt; {@code
 * INVALID_ARGUMENT} means the request itself is refused, so its events are rejected; any other code leaves the
 * events' fate unknown, which the producer reports as unavailable (retry later with the same ids) without retrying.
 */
sealed interface CallFailure {

    /** Send the events again, not before {@code retryDelay} when the gateway gave one ({@code null} otherwise). */
    record Retriable(Duration retryDelay, String reason) implements CallFailure {
    }

    /** Stop: every event of the call ends with {@code status} and {@code error}. */
    record Final(EventResult.Status status, FieldError error) implements CallFailure {
    }

    static CallFailure of(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String reason = "the call failed with " + status.getCode() + ": " + describe(status, failure);
        return switch (status.getCode()) {
            case UNAVAILABLE, RESOURCE_EXHAUSTED -> new Retriable(retryDelay(failure), reason);
            case INVALID_ARGUMENT -> new Final(EventResult.Status.REJECTED, requestError(failure, reason));
            default -> new Final(EventResult.Status.UNAVAILABLE, FieldError.newBuilder().setReason(reason).build());
        };
    }

    private static String describe(Status status, Throwable failure) {
        if (status.getDescription() != null) {
            return status.getDescription();
        }
        Throwable cause = status.getCause() != null ? status.getCause() : failure;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Duration retryDelay(Throwable failure) {
        for (Any detail : details(failure)) {
            if (detail.is(RetryInfo.class)) {
                try {
                    com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
                    return Duration.ofSeconds(delay.getSeconds(), delay.getNanos());
                } catch (InvalidProtocolBufferException malformed) {
                    // A garbled hint is no hint: the producer's own backoff still spaces the retry.
                    return null;
                }
            }
        }
        return null;
    }

    /** The field the gateway named in its {@code BadRequest} details, else no field, with the call's reason. */
    private static FieldError requestError(Throwable failure, String reason) {
        for (Any detail : details(failure)) {
            if (detail.is(BadRequest.class)) {
                try {
                    List<BadRequest.FieldViolation> violations =
                            detail.unpack(BadRequest.class).getFieldViolationsList();
                    if (!violations.isEmpty()) {
                        return FieldError.newBuilder().setField(violations.get(0).getField()).setReason(reason).build();
                    }
                } catch (InvalidProtocolBufferException malformed) {
                    // Garbled details still leave the call's own description, which the error carries below.
                    break;
                }
            }
        }
        return FieldError.newBuilder().setReason(reason).build();
    }

    private static List<Any> details(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        return rich == null ? List.of() : rich.getDetailsList();
    }
}
