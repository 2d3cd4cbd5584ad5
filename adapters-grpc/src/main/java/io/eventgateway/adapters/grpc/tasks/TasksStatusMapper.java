package io.eventgateway.adapters.grpc.tasks;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.BadRequest.FieldViolation;
import com.google.rpc.Code;
import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed {@code Tasks} call becomes a gRPC status. Invalid requests carry a
 * {@link BadRequest} naming each field; a use case's {@link IllegalArgumentException} is the caller's fault too. A
 * fenced replica is {@code UNAVAILABLE}, so a processor retries against the replica that took over. Anything else is
 * a bug or an outage of ours: {@code INTERNAL}, logged here once, with the details kept out of the answer.
 */
final class TasksStatusMapper {

    private static final Logger LOG = LoggerFactory.getLogger(TasksStatusMapper.class);

    private TasksStatusMapper() {
    }

    static StatusRuntimeException invalidArgument(List<FieldViolation> violations) {
        String message = violations.stream()
                .map(violation -> violation.getField() + " " + violation.getDescription())
                .collect(Collectors.joining("; "));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(BadRequest.newBuilder().addAllFieldViolations(violations).build()))
                .build());
    }

    static StatusRuntimeException leaseExpired(String leaseId) {
        return Status.FAILED_PRECONDITION
                .withDescription("lease " + leaseId + " has expired: its tasks are being delivered again")
                .asRuntimeException();
    }

    static StatusRuntimeException leaseUnknown(String leaseId) {
        return Status.NOT_FOUND
                .withDescription("lease " + leaseId + " is not known to this replica")
                .asRuntimeException();
    }

    /** The status for what a use case threw or failed its future with, during {@code rpc}. */
    static StatusRuntimeException toStatusException(String rpc, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(cause.getMessage()).asRuntimeException();
        }
        if (cause instanceof ReplicaFencedException) {
            return Status.UNAVAILABLE
                    .withDescription("this orchestrator replica was replaced by another process: retry")
                    .asRuntimeException();
        }
        LOG.error("{} failed unexpectedly", rpc, cause);
        return Status.INTERNAL.withDescription(rpc + " failed inside the orchestrator").asRuntimeException();
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
