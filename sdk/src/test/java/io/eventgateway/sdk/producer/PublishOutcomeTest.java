package io.eventgateway.sdk.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.protocol.v1.EventResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishOutcomeTest {

    private static EventResult result(String id, EventResult.Status status) {
        return EventResult.newBuilder().setEventId(id).setStatus(status).build();
    }

    private final PublishOutcome mixed = new PublishOutcome(List.of(
            result("e-1", EventResult.Status.STORED),
            result("e-2", EventResult.Status.REJECTED),
            result("e-3", EventResult.Status.UNAVAILABLE),
            result("e-4", EventResult.Status.STORED)), 2);

    @Test
    void eachListHoldsTheResultsOfItsStatusInInputOrder() {
        assertThat(mixed.stored()).extracting(EventResult::getEventId).containsExactly("e-1", "e-4");
        assertThat(mixed.rejected()).extracting(EventResult::getEventId).containsExactly("e-2");
        assertThat(mixed.unavailable()).extracting(EventResult::getEventId).containsExactly("e-3");
    }

    @Test
    void notAllStoredWhileAnyEventIsNot() {
        assertThat(mixed.allStored()).isFalse();
    }

    @Test
    void allStoredWhenEveryEventIs() {
        PublishOutcome outcome = new PublishOutcome(List.of(result("e-1", EventResult.Status.STORED)), 1);

        assertThat(outcome.allStored()).isTrue();
    }

    @Test
    void theResultsCannotBeChangedAfterwards() {
        assertThatThrownBy(() -> mixed.results().add(result("e-5", EventResult.Status.STORED)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativeAttemptsAreRefused() {
        assertThatThrownBy(() -> new PublishOutcome(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
