package io.eventgateway.sdk.producer;

import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@code publish}: sends the batch, then resends only the events still unavailable until each has a final
 * result or the attempts run out. Events keep the ids they were given before the first attempt, so the gateway can
 * recognise a resent copy.
 *
 * <p>State changes happen under this object's lock (responses arrive on gRPC threads, retries on the scheduler, an
 * abandon on the closing thread); calls are issued and the outcome completed outside it, so neither a direct-executor
 * channel nor a caller's continuation ever runs under the lock.
 */
final class Publication {

    /** Where the publication stands while its outcome is not yet complete. */
    private enum Phase {
        /** A call is in flight (or about to be issued). */
        SENDING,
        /** The next attempt is scheduled; only now may closing the producer abandon the publication. */
        WAITING_TO_RETRY
    }

    private final List<Event> events;
    private final IngestGrpc.IngestStub stub;
    private final ProducerSettings settings;
    private final RetryBackoff backoff;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<PublishOutcome> outcome = new CompletableFuture<>();

    /** The latest result per event, {@code null} until it has one. */
    private final EventResult[] results;
    /** Indices of the events the next attempt sends. */
    private List<Integer> pending;
    private Phase phase = Phase.SENDING;
    private int attempts;

    Publication(List<Event> events, IngestGrpc.IngestStub stub, ProducerSettings settings, RetryBackoff backoff,
            ScheduledExecutorService scheduler) {
        this.events = List.copyOf(events);
        this.stub = stub;
        this.settings = settings;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.results = new EventResult[events.size()];
        this.pending = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            pending.add(i);
        }
    }

    CompletableFuture<PublishOutcome> outcome() {
        return outcome;
    }

    /** Sends the pending events; a no-op once the outcome is complete (finished, abandoned or cancelled). */
    void sendNextAttempt() {
        List<Integer> sent;
        PublishEventsRequest.Builder request = PublishEventsRequest.newBuilder();
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            phase = Phase.SENDING;
            attempts++;
            sent = List.copyOf(pending);
            for (int index : sent) {
                request.addEvents(events.get(index));
            }
        }
        CompletableFuture<PublishEventsResponse> answer;
        try {
            answer = call(request.build());
        } catch (RuntimeException e) {
            // Thrown on a scheduler thread nobody would hear it; as a call failure it finishes the publication.
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            try {
                if (failure == null) {
                    onAnswered(sent, response);
                } else {
                    onCallFailed(failure);
                }
            } catch (RuntimeException bug) {
                // Swallowed by whenComplete it would leave the caller waiting forever; the caller hears of it.
                outcome.completeExceptionally(bug);
            }
        });
    }

    /** Ends a publication waiting for its next attempt: its pending events stay unavailable with {@code reason}. */
    void abandonIfWaiting(String reason) {
        PublishOutcome finished = null;
        synchronized (this) {
            if (!outcome.isDone() && phase == Phase.WAITING_TO_RETRY) {
                finished = finishPending(EventResult.Status.UNAVAILABLE, errorOf(reason));
            }
        }
        complete(finished);
    }

    private CompletableFuture<PublishEventsResponse> call(PublishEventsRequest request) {
        CompletableFuture<PublishEventsResponse> response = new CompletableFuture<>();
        stub.withDeadlineAfter(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .publishEvents(request, new StreamObserver<>() {
                    @Override
                    public void onNext(PublishEventsResponse value) {
                        response.complete(value);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        response.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        // A unary call delivers its one response through onNext, before this.
                    }
                });
        return response;
    }

    private void onAnswered(List<Integer> sent, PublishEventsResponse response) {
        PublishOutcome finished;
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            if (response.getResultsCount() != sent.size()) {
                finished = finishPending(EventResult.Status.UNAVAILABLE, errorOf("the gateway answered "
                        + response.getResultsCount() + " results for " + sent.size() + " events"));
            } else {
                List<Integer> unavailable = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    EventResult result = response.getResults(i);
                    results[sent.get(i)] = result;
                    if (result.getStatus() == EventResult.Status.UNAVAILABLE) {
                        unavailable.add(sent.get(i));
                    }
                }
                pending = unavailable;
                finished = pending.isEmpty() ? outcomeNow() : retryOrFinish(null);
            }
        }
        complete(finished);
    }

    private void onCallFailed(Throwable failure) {
        PublishOutcome finished;
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            CallFailure meaning = CallFailure.of(failure);
            if (meaning instanceof CallFailure.Retriable retriable) {
                // Recorded now, so the events read unavailable with this reason if no attempt is left.
                markPending(EventResult.Status.UNAVAILABLE, errorOf(retriable.reason()));
                finished = retryOrFinish(retriable.retryDelay());
            } else {
                CallFailure.Final last = (CallFailure.Final) meaning;
                finished = finishPending(last.status(), last.error());
            }
        }
        complete(finished);
    }

    /** Schedules the next attempt and returns {@code null}, or returns the outcome when none may follow. */
    private PublishOutcome retryOrFinish(Duration serverHint) {
        if (attempts >= settings.maxAttempts()) {
            return outcomeNow();
        }
        Duration delay = backoff.delayBefore(attempts, serverHint);
        try {
            scheduler.schedule(this::sendNextAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return finishPending(EventResult.Status.UNAVAILABLE,
                    errorOf("the producer was closed before attempt " + (attempts + 1)));
        }
        phase = Phase.WAITING_TO_RETRY;
        return null;
    }

    private PublishOutcome finishPending(EventResult.Status status, FieldError error) {
        markPending(status, error);
        return outcomeNow();
    }

    /** Keeps what the gateway last said about an event (its priority and lane) and records the new verdict. */
    private void markPending(EventResult.Status status, FieldError error) {
        for (int index : pending) {
            EventResult.Builder result = results[index] == null
                    ? EventResult.newBuilder().setEventId(events.get(index).getEventId())
                    : results[index].toBuilder();
            results[index] = result.setStatus(status).setError(error).build();
        }
    }

    private PublishOutcome outcomeNow() {
        return new PublishOutcome(Arrays.asList(results), attempts);
    }

    private void complete(PublishOutcome finished) {
        if (finished != null) {
            outcome.complete(finished);
        }
    }

    private static FieldError errorOf(String reason) {
        return FieldError.newBuilder().setReason(reason).build();
    }
}
