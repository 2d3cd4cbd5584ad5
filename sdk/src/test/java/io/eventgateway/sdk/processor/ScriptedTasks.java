package io.eventgateway.sdk.processor;

import com.google.protobuf.ByteString;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.ReleaseRequest;
import io.eventgateway.protocol.v1.ReleaseResponse;
import io.eventgateway.protocol.v1.StoredRecord;
import io.eventgateway.protocol.v1.TasksGrpc;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An orchestrator's {@code Tasks} service reduced to a queue: fetches lease what the test offered, up to max_tasks,
 * holding the poll open for wait_ms while there is nothing. Records every call.
 */
final class ScriptedTasks extends TasksGrpc.TasksImplBase {

    private static final long POLL_SLICE_MS = 20;

    private final int replicaIndex;
    private final LinkedBlockingQueue<LeasedTask> offered = new LinkedBlockingQueue<>();
    private final AtomicInteger leaseNumber = new AtomicInteger();
    private final AtomicInteger pollsOpen = new AtomicInteger();
    private final AtomicInteger mostPollsOpen = new AtomicInteger();
    final List<FetchNextBatchRequest> fetches = new CopyOnWriteArrayList<>();
    final List<FetchNextBatchResponse> leased = new CopyOnWriteArrayList<>();
    final List<ExtendLeaseRequest> extensions = new CopyOnWriteArrayList<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    volatile long leaseTtlMs = 30_000;

    ScriptedTasks(int replicaIndex) {
        this.replicaIndex = replicaIndex;
    }

    /** Offers {@code count} tasks for events {@code <prefix>-0..}; returns their task ids. */
    List<String> offer(String prefix, int count) {
        synchronized (offered) {
            return offerAtOnce(prefix, count);
        }
    }

    /** Under the queue's lock, so a fetch that wakes on the first task still leases the whole offer. */
    private List<String> offerAtOnce(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String eventId = prefix + "-" + i;
            String taskId = replicaIndex + ":eg.p30:0:" + i + ":1";
            StoredRecord stored = StoredRecord.newBuilder().setEventId(eventId).setCompanyId("acme")
                    .setSourceName("crm").setEventType("contact.updated").setGroupKey("contact-" + i)
                    .setPayload(ByteString.copyFromUtf8("{\"n\":" + i + "}")).putAttributes("origin", "test")
                    .setPriority(Priority.P30).setIngestedAtMs(1_000).setSloDeadlineMs(6_000).setAttempt(2).build();
            offered.add(LeasedTask.newBuilder().setTaskId(taskId).setStoredRecord(stored.toByteString())
                    .setDelivery(3).build());
            ids.add(taskId);
        }
        return ids;
    }

    int mostPollsOpenAtOnce() {
        return mostPollsOpen.get();
    }

    @Override
    public void fetchNextBatch(FetchNextBatchRequest request, StreamObserver<FetchNextBatchResponse> observer) {
        fetches.add(request);
        mostPollsOpen.accumulateAndGet(pollsOpen.incrementAndGet(), Math::max);
        try {
            List<LeasedTask> tasks = new ArrayList<>();
            LeasedTask first = awaitFirst(request.getWaitMs());
            if (first != null) {
                tasks.add(first);
                synchronized (offered) {
                    offered.drainTo(tasks, request.getMaxTasks() - 1);
                }
            }
            FetchNextBatchResponse response = FetchNextBatchResponse.newBuilder()
                    .setLeaseId("lease-" + replicaIndex + "-" + leaseNumber.incrementAndGet())
                    .setLeaseTtlMs(leaseTtlMs).setReplicaIndex(replicaIndex).addAllTasks(tasks).build();
            if (!tasks.isEmpty()) {
                leased.add(response);
            }
            observer.onNext(response);
            observer.onCompleted();
        } finally {
            pollsOpen.decrementAndGet();
        }
    }

    /** Waits in slices so a poll the client cancelled ends early, as a real orchestrator's does. */
    private LeasedTask awaitFirst(long waitMs) {
        long slices = Math.max(1, waitMs / POLL_SLICE_MS);
        try {
            for (long i = 0; i < slices && !Context.current().isCancelled(); i++) {
                LeasedTask task = offered.poll(POLL_SLICE_MS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    return task;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void extendLease(ExtendLeaseRequest request, StreamObserver<ExtendLeaseResponse> observer) {
        extensions.add(request);
        observer.onNext(ExtendLeaseResponse.newBuilder().setLeaseTtlMs(request.getExtendByMs()).build());
        observer.onCompleted();
    }

    @Override
    public void release(ReleaseRequest request, StreamObserver<ReleaseResponse> observer) {
        released.addAll(request.getTaskIdsList());
        observer.onNext(ReleaseResponse.newBuilder().setReleased(request.getTaskIdsCount()).build());
        observer.onCompleted();
    }
}
