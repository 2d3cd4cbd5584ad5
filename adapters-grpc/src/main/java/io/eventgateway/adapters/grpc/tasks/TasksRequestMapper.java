package io.eventgateway.adapters.grpc.tasks;

import com.google.rpc.BadRequest.FieldViolation;
import io.eventgateway.application.dispatch.FetchTasksCommand;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.ReleaseRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks {@code Tasks} requests against the contract and the {@link TasksLimits}, naming every offending field by
 * its proto name, and builds what the use cases take from the valid ones.
 */
final class TasksRequestMapper {

    static final int MAX_PROCESSOR_ID_LENGTH = 256;

    private TasksRequestMapper() {
    }

    /** A lease extension as the use case takes it. */
    record Extension(String leaseId, Duration by) {

        Extension {
            Objects.requireNonNull(leaseId, "leaseId");
            Objects.requireNonNull(by, "by");
        }
    }

    static RequestCheck<FetchTasksCommand> toFetchCommand(FetchNextBatchRequest request, TasksLimits limits) {
        List<FieldViolation> violations = new ArrayList<>(0);
        String processorId = request.getProcessorId();
        if (processorId.isBlank()) {
            violations.add(violation("processor_id", "is required"));
        } else if (processorId.length() > MAX_PROCESSOR_ID_LENGTH) {
            violations.add(violation("processor_id", "has " + processorId.length() + " characters, more than "
                    + MAX_PROCESSOR_ID_LENGTH));
        }
        if (request.getMaxTasks() < 0) {
            violations.add(violation("max_tasks", "must be >= 0 (0 = " + limits.defaultMaxTasks() + "), was "
                    + request.getMaxTasks()));
        }
        if (request.getMaxBytes() < 0) {
            violations.add(violation("max_bytes", "must be >= 0 (0 = " + limits.defaultMaxBytes() + "), was "
                    + request.getMaxBytes()));
        }
        long maxWaitMillis = limits.maxWait().toMillis();
        if (request.getWaitMs() < 0 || request.getWaitMs() > maxWaitMillis) {
            violations.add(violation("wait_ms", "must be in 0.." + maxWaitMillis + ", was " + request.getWaitMs()));
        }
        if (request.getLeaseTtlMs() < 0) {
            violations.add(violation("lease_ttl_ms", "must be >= 0 (0 = the orchestrator's lease TTL), was "
                    + request.getLeaseTtlMs()));
        }
        return RequestCheck.of(violations, () -> new FetchTasksCommand(
                processorId,
                orDefault(request.getMaxTasks(), limits.defaultMaxTasks(), limits.maxTasksCap()),
                orDefault(request.getMaxBytes(), limits.defaultMaxBytes(), limits.maxBytesCap()),
                Duration.ofMillis(request.getWaitMs()),
                request.getLeaseTtlMs() == 0 ? null : Duration.ofMillis(request.getLeaseTtlMs())));
    }

    static RequestCheck<Extension> toExtension(ExtendLeaseRequest request) {
        List<FieldViolation> violations = new ArrayList<>(0);
        if (request.getLeaseId().isEmpty()) {
            violations.add(violation("lease_id", "is required"));
        }
        if (request.getExtendByMs() <= 0) {
            violations.add(violation("extend_by_ms", "must be > 0, was " + request.getExtendByMs()));
        }
        return RequestCheck.of(violations,
                () -> new Extension(request.getLeaseId(), Duration.ofMillis(request.getExtendByMs())));
    }

    /** The task ids unchanged once every one parses: a malformed id would otherwise be silently not released. */
    static RequestCheck<List<String>> toReleasedTaskIds(ReleaseRequest request) {
        List<FieldViolation> violations = new ArrayList<>(0);
        for (int i = 0; i < request.getTaskIdsCount(); i++) {
            try {
                TaskId.parse(request.getTaskIds(i));
            } catch (IllegalArgumentException e) {
                violations.add(violation("task_ids[" + i + "]", e.getMessage()));
            }
        }
        return RequestCheck.of(violations, () -> List.copyOf(request.getTaskIdsList()));
    }

    private static int orDefault(int requested, int defaultValue, int cap) {
        return requested == 0 ? defaultValue : Math.min(requested, cap);
    }

    private static long orDefault(long requested, long defaultValue, long cap) {
        return requested == 0 ? defaultValue : Math.min(requested, cap);
    }

    private static FieldViolation violation(String field, String description) {
        return FieldViolation.newBuilder().setField(field).setDescription(description).build();
    }
}
