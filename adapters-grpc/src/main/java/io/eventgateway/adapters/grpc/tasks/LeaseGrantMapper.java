package io.eventgateway.adapters.grpc.tasks;

import com.google.protobuf.UnsafeByteOperations;
import io.eventgateway.application.dispatch.GrantedTask;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;

/** A lease grant as the processor receives it; an empty grant is an empty batch without a lease id. */
final class LeaseGrantMapper {

    private LeaseGrantMapper() {
    }

    static FetchNextBatchResponse toResponse(LeaseGrant grant) {
        FetchNextBatchResponse.Builder response = FetchNextBatchResponse.newBuilder()
                .setLeaseTtlMs(grant.ttl().toMillis())
                .setReplicaIndex(grant.replicaIndex());
        if (grant.leaseId() != null) {
            response.setLeaseId(grant.leaseId());
        }
        for (GrantedTask task : grant.tasks()) {
            response.addTasks(LeasedTask.newBuilder()
                    .setTaskId(task.taskId().asString())
                    // The record bytes are never written after they were read from Kafka; wrapping them spares a
                    // copy of every batch on the hottest path.
                    .setStoredRecord(UnsafeByteOperations.unsafeWrap(task.storedRecord()))
                    .setDelivery(task.taskId().delivery()));
        }
        return response.build();
    }
}
