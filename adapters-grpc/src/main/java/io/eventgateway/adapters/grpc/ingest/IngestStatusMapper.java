package io.eventgateway.adapters.grpc.ingest;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.eventgateway.application.ingest.RequestRefusedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed {@code PublishEvents} request becomes a gRPC status. A refused request carries
 * {@code google.rpc} details a client can act on: {@link BadRequest} naming the field for a request too large to
 * take, {@link RetryInfo} for an overloaded gateway. Anything else is a bug or an outage of ours: {@code INTERNAL},
 * logged here once, with the details kept out of the answer.
 */
final class IngestStatusMapper {

    private static final Logger LOG = LoggerFactory.getLogger(IngestStatusMapper.class);

    private IngestStatusMapper() {
    }

    static StatusRuntimeException toStatusException(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RequestRefusedException refused) {
            return switch (refused.reason()) {
                case TOO_LARGE -> tooLarge(refused);
                case OVERLOADED -> overloaded(refused);
            };
        }
        LOG.error("PublishEvents failed unexpectedly", cause);
        return Status.INTERNAL.withDescription("the gateway failed while publishing the batch; some events may "
                + "have been stored: retry with the same event ids").asRuntimeException();
    }

    /** Bytes that do not parse as a {@code PublishEventsRequest}: the client's fault, named as the request. */
    static StatusRuntimeException unreadable(String reason) {
        return invalidArgument("request", "is not a valid PublishEventsRequest: " + reason);
    }

    private static StatusRuntimeException tooLarge(RequestRefusedException refused) {
        return invalidArgument(refused.field() == null ? "request" : refused.field(), refused.getMessage());
    }

    private static StatusRuntimeException invalidArgument(String field, String reason) {
        BadRequest badRequest = BadRequest.newBuilder()
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(field)
                        .setDescription(reason))
                .build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(field + " " + reason)
                .addDetails(Any.pack(badRequest))
                .build());
    }

    private static StatusRuntimeException overloaded(RequestRefusedException refused) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                .setMessage(refused.getMessage());
        Duration retryAfter = refused.retryAfter();
        if (retryAfter != null) {
            status.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                            .setSeconds(retryAfter.getSeconds())
                            .setNanos(retryAfter.getNano()))
                    .build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** Futures wrap what the use case threw; the status is about the failure itself. */
    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
