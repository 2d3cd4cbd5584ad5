package io.eventgateway.adapters.grpc.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race between a fetch's answer and its client's cancel, in each order, without a network in between. */
class FetchCallTest {

    private final RecordingObserver observer = new RecordingObserver();
    private final FakeLeaseControlUseCase leaseControl = new FakeLeaseControlUseCase();
    private final FetchCall call = new FetchCall(observer, leaseControl);

    @Test
    void givenAWaitingClient_whenTheGrantArrives_thenItIsSentAndKeptLeased() {
        call.onAnswer(Grants.twoTasks(), null);

        assertThat(observer.responses).singleElement()
                .satisfies(response -> assertThat(response.getLeaseId()).isEqualTo("lease-17"));
        assertThat(observer.completed).isTrue();
        assertThat(leaseControl.releases()).isEmpty();
        assertThat(call.state()).isEqualTo(FetchCall.State.ANSWERED);
    }

    @Test
    void givenACancelBeforeTheGrant_whenTheGrantArrives_thenItIsReleasedAndNotSent() {
        call.onCancelled();

        call.onAnswer(Grants.twoTasks(), null);

        assertThat(leaseControl.releases()).containsExactly(Grants.twoTaskIds());
        assertThat(observer.responses).isEmpty();
        assertThat(call.state()).isEqualTo(FetchCall.State.CLOSED);
    }

    @Test
    void givenASentGrant_whenTheCallIsCancelledBeforeItClosed_thenTheGrantIsReleased() {
        call.onAnswer(Grants.twoTasks(), null);

        call.onCancelled();

        assertThat(leaseControl.releases()).containsExactly(Grants.twoTaskIds());
        assertThat(call.state()).isEqualTo(FetchCall.State.CLOSED);
    }

    @Test
    void givenASentEmptyGrant_whenTheCallIsCancelled_thenNothingIsReleased() {
        call.onAnswer(LeaseGrant.empty(1), null);

        call.onCancelled();

        assertThat(leaseControl.releases()).isEmpty();
    }

    @Test
    void givenACancelBeforeAFailure_whenTheFailureArrives_thenNothingIsSent() {
        call.onCancelled();

        call.onAnswer(null, new IllegalArgumentException("bad"));

        assertThat(observer.errors).isEmpty();
        assertThat(call.state()).isEqualTo(FetchCall.State.CLOSED);
    }

    @Test
    void givenAWaitingClient_whenTheFetchFails_thenTheClientGetsTheMappedStatus() {
        call.onAnswer(null, new IllegalArgumentException("bad"));

        assertThat(observer.errors).singleElement()
                .satisfies(error -> assertThat(Status.fromThrowable(error).getCode())
                        .isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void givenAFailedFetch_whenTheCallIsCancelled_thenNothingIsReleased() {
        call.onAnswer(null, new IllegalStateException("broke"));

        call.onCancelled();

        assertThat(leaseControl.releases()).isEmpty();
    }

    @Test
    void aReleaseThatFailsLeavesTheTasksToTheirLeaseWithoutFailingTheCall() {
        leaseControl.failWith(new IllegalStateException("lease table broke"));
        call.onCancelled();

        call.onAnswer(Grants.twoTasks(), null);

        assertThat(leaseControl.releases()).hasSize(1);
        assertThat(call.state()).isEqualTo(FetchCall.State.CLOSED);
    }

    @Test
    void aSecondAnswerIsAnIllegalTransition() {
        call.onAnswer(LeaseGrant.empty(0), null);

        assertThatThrownBy(() -> call.onAnswer(LeaseGrant.empty(0), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ANSWER in state ANSWERED");
    }

    @Test
    void aSecondCancelIsAnIllegalTransition() {
        call.onCancelled();

        assertThatThrownBy(call::onCancelled)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CANCEL in state ABANDONED");
    }

    private static final class RecordingObserver implements StreamObserver<FetchNextBatchResponse> {

        final List<FetchNextBatchResponse> responses = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        boolean completed;

        @Override
        public void onNext(FetchNextBatchResponse value) {
            responses.add(value);
        }

        @Override
        public void onError(Throwable t) {
            errors.add(t);
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
