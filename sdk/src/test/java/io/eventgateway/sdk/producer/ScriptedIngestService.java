package io.eventgateway.sdk.producer;

import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake gateway that answers each call with the next scripted step (then with {@link #otherwise}) and records every
 * request it received, so tests can assert what the producer sent on each attempt.
 */
final class ScriptedIngestService extends IngestGrpc.IngestImplBase {

    /** One call's answer: a response, or a failure of the whole call. */
    interface Step extends Function<PublishEventsRequest, PublishEventsResponse> {
    }

    private final Queue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<PublishEventsRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Step otherwise = storeAll();

    @Override
    public void publishEvents(PublishEventsRequest request, StreamObserver<PublishEventsResponse> responseObserver) {
        requests.add(request);
        Step step = script.poll();
        try {
            responseObserver.onNext((step == null ? otherwise : step).apply(request));
            responseObserver.onCompleted();
        } catch (StatusRuntimeException failure) {
            responseObserver.onError(failure);
        }
    }

    ScriptedIngestService then(Step step) {
        script.add(step);
        return this;
    }

    ScriptedIngestService otherwise(Step step) {
        this.otherwise = step;
        return this;
    }

    List<PublishEventsRequest> requests() {
        return List.copyOf(requests);
    }

    /** The event ids of the {@code n}th request (0-based). */
    List<String> idsSentIn(int n) {
        return requests().get(n).getEventsList().stream().map(Event::getEventId).toList();
    }

    static Step fail(StatusRuntimeException failure) {
        return request -> {
            throw failure;
        };
    }

    static Step storeAll() {
        return request -> answer(request, request.getEventsList().stream()
                .map(event -> EventResult.Status.STORED).toList());
    }

    static Step unavailableAll() {
        return request -> answer(request, request.getEventsList().stream()
                .map(event -> EventResult.Status.UNAVAILABLE).toList());
    }

    /** Answers the request's events positionally with {@code statuses}. */
    static Step statuses(EventResult.Status... statuses) {
        return request -> answer(request, List.of(statuses));
    }

    private static PublishEventsResponse answer(PublishEventsRequest request, List<EventResult.Status> statuses) {
        if (statuses.size() != request.getEventsCount()) {
            throw new AssertionError("scripted " + statuses.size() + " results for " + request.getEventsCount()
                    + " events");
        }
        PublishEventsResponse.Builder response = PublishEventsResponse.newBuilder();
        for (int i = 0; i < statuses.size(); i++) {
            response.addResults(resultFor(request.getEvents(i), statuses.get(i)));
        }
        return response.build();
    }

    private static EventResult resultFor(Event event, EventResult.Status status) {
        EventResult.Builder result = EventResult.newBuilder().setEventId(event.getEventId()).setStatus(status);
        return switch (status) {
            case STORED -> result.setLane("p20").setStoredIn(EventResult.StoredIn.PRIMARY)
                    .setLocation("eg.p20/0/" + event.getEventId()).build();
            case REJECTED -> result.setError(FieldError.newBuilder().setField("company_id")
                    .setReason("is required and must not be blank")).build();
            case UNAVAILABLE -> result.setLane("p20").setError(FieldError.newBuilder()
                    .setReason("every store failed")).build();
            default -> result.build();
        };
    }
}
