package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.GrantedTask;
import io.eventgateway.application.dispatch.LeaseControlUseCase;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.domain.task.TaskId;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code FetchNextBatch} long-poll racing its client's cancellation. The use case's answer (on whichever thread
 * completes its future) and the cancel (on gRPC's) arrive in either order; each is decided under the lock and acted
 * on outside it, so every leased batch is either delivered or handed back, and never left to wait for its lease to
 * expire because nobody was listening.
 *
 * <p>A hand-back runs on the thread that completed the fetch or on gRPC's cancel thread, so the use cases must not
 * hold a non-reentrant lock while completing a fetch future.
 */
final class FetchCall {

    private static final Logger LOG = LoggerFactory.getLogger(FetchCall.class);

    /** Where the call stands. */
    enum State {
        /** The use case has not answered yet and the client is still waiting. */
        WAITING,
        /** The client left before the answer: a grant that arrives later goes straight back. */
        ABANDONED,
        /**
         * The answer was sent. gRPC reports a cancel after that only when the call did not close OK, that is when
         * the client did not get the whole answer, so the grant is kept until then to be handed back.
         */
        ANSWERED,
        /** Nothing left to do: the tasks went back, or there were none to give back. */
        CLOSED
    }

    private enum Event { ANSWER, CANCEL }

    private static final Map<State, Map<Event, State>> TRANSITIONS = Map.of(
            State.WAITING, Map.of(Event.ANSWER, State.ANSWERED, Event.CANCEL, State.ABANDONED),
            State.ABANDONED, Map.of(Event.ANSWER, State.CLOSED),
            State.ANSWERED, Map.of(Event.CANCEL, State.CLOSED),
            State.CLOSED, Map.of());

    private final StreamObserver<FetchNextBatchResponse> observer;
    private final LeaseControlUseCase leaseControl;
    private State state = State.WAITING;
    private LeaseGrant sent;

    FetchCall(StreamObserver<FetchNextBatchResponse> observer, LeaseControlUseCase leaseControl) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.leaseControl = Objects.requireNonNull(leaseControl, "leaseControl");
    }

    /** The use case's answer: a grant, or the failure its future completed with. */
    void onAnswer(LeaseGrant grant, Throwable failure) {
        State before;
        synchronized (this) {
            before = transition(Event.ANSWER);
            if (before == State.WAITING && failure == null) {
                sent = grant;
            }
        }
        boolean clientWaiting = before == State.WAITING;
        if (failure != null) {
            // Mapped even when nobody listens: the mapper logs what must not pass silently.
            StatusRuntimeException status = TasksStatusMapper.toStatusException("FetchNextBatch", failure);
            if (clientWaiting) {
                observer.onError(status);
            }
        } else if (clientWaiting) {
            observer.onNext(LeaseGrantMapper.toResponse(grant));
            observer.onCompleted();
        } else {
            handBack(grant);
        }
    }

    /** The client cancelled the call or its deadline passed. */
    void onCancelled() {
        LeaseGrant lost = null;
        synchronized (this) {
            if (transition(Event.CANCEL) == State.ANSWERED) {
                lost = sent;
                sent = null;
            }
        }
        if (lost != null) {
            handBack(lost);
        }
    }

    synchronized State state() {
        return state;
    }

    /** Moves on by {@code event}; returns the state it left. */
    private State transition(Event event) {
        State next = TRANSITIONS.get(state).get(event);
        if (next == null) {
            throw new IllegalStateException("FetchNextBatch call cannot take " + event + " in state " + state);
        }
        State before = state;
        state = next;
        return before;
    }

    private void handBack(LeaseGrant grant) {
        if (grant.isEmpty()) {
            return;
        }
        List<String> taskIds = grant.tasks().stream().map(GrantedTask::taskId).map(TaskId::asString).toList();
        try {
            leaseControl.release(taskIds);
        } catch (RuntimeException e) {
            LOG.warn("Could not hand back the {} tasks of lease {} after the client left; they return when the "
                    + "lease expires", taskIds.size(), grant.leaseId(), e);
        }
    }
}
