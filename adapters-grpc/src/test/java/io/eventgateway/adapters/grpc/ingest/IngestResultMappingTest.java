package io.eventgateway.adapters.grpc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the use case's receipts reach the producer, over a real loopback gRPC call. */
class IngestResultMappingTest {

    private final FakePublishEventsUseCase useCase = new FakePublishEventsUseCase();
    private final IngestServer server = new IngestServer(useCase);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private PublishEventsResponse publishEvents(int count) {
        PublishEventsRequest.Builder request = PublishEventsRequest.newBuilder();
        for (int i = 0; i < count; i++) {
            request.addEvents(Event.newBuilder().setEventId("e-" + i));
        }
        return server.blockingStub().publishEvents(request.build());
    }

    private EventResult answerOf(EventReceipt receipt) {
        useCase.answerWithReceipts(receipt);
        return publishEvents(1).getResults(0);
    }

    static Stream<Arguments> storedLocations() {
        return Stream.of(
                Arguments.of(new StoredLocation.Primary("primary", "eg.p30", 3, 1234), EventResult.StoredIn.PRIMARY,
                        "eg.p30/3/1234"),
                Arguments.of(new StoredLocation.Primary("rollout", "eg.p30", 1, 7), EventResult.StoredIn.PRIMARY,
                        "eg.p30/1/7"),
                Arguments.of(new StoredLocation.Alternate("eg.failed-writes", 2, 99), EventResult.StoredIn.ALTERNATE,
                        "eg.failed-writes/2/99"),
                Arguments.of(new StoredLocation.Spool("spool", "2026/11/23/batch-1"), EventResult.StoredIn.S3,
                        "s3://spool/2026/11/23/batch-1"));
    }

    @ParameterizedTest
    @MethodSource("storedLocations")
    void aStoredEventSaysWhereItWasStored(StoredLocation location, EventResult.StoredIn storedIn, String described) {
        EventResult result = answerOf(new EventReceipt.Stored("e-1", Priority.P30, Lane.P30, location));

        assertThat(result.getStoredIn()).isEqualTo(storedIn);
        assertThat(result.getLocation()).isEqualTo(described);
    }

    @Test
    void aStoredEventCarriesItsIdAndTheAppliedPriorityAndLane() {
        EventResult result = answerOf(new EventReceipt.Stored("e-1", Priority.P10, Lane.OFFLOAD,
                new StoredLocation.Primary("primary", "eg.offload", 0, 5)));

        assertThat(result).isEqualTo(EventResult.newBuilder()
                .setEventId("e-1")
                .setStatus(EventResult.Status.STORED)
                .setPriority(io.eventgateway.protocol.v1.Priority.P10)
                .setLane("offload")
                .setStoredIn(EventResult.StoredIn.PRIMARY)
                .setLocation("eg.offload/0/5")
                .build());
    }

    @Test
    void anUnavailableEventCarriesItsIdPriorityLaneAndWhy() {
        EventResult result = answerOf(new EventReceipt.Unavailable("e-1", Priority.P20, Lane.P20,
                "every store failed; last: S3 spool: timeout"));

        assertThat(result).isEqualTo(EventResult.newBuilder()
                .setEventId("e-1")
                .setStatus(EventResult.Status.UNAVAILABLE)
                .setPriority(io.eventgateway.protocol.v1.Priority.P20)
                .setLane("p20")
                .setError(FieldError.newBuilder().setReason("every store failed; last: S3 spool: timeout"))
                .build());
    }

    @Test
    void aRejectedEventNamesTheFieldAndTheReason() {
        EventResult result = answerOf(new EventReceipt.Rejected("e-1",
                List.of(new FieldViolation("company_id", "is required and must not be blank"))));

        assertThat(result).isEqualTo(EventResult.newBuilder()
                .setEventId("e-1")
                .setStatus(EventResult.Status.REJECTED)
                .setError(FieldError.newBuilder()
                        .setField("company_id")
                        .setReason("is required and must not be blank"))
                .build());
    }

    @Test
    void aRejectedEventWithSeveralViolationsLosesNoneOfThem() {
        EventResult result = answerOf(new EventReceipt.Rejected("e-1", List.of(
                new FieldViolation("company_id", "is required and must not be blank"),
                new FieldViolation("source_name", "is required and must not be blank"),
                new FieldViolation("priority", "'P99' is not a priority (valid: P10, P20, P30)"))));

        assertThat(result.getError().getField()).isEqualTo("company_id");
        assertThat(result.getError().getReason()).isEqualTo("is required and must not be blank; "
                + "source_name is required and must not be blank; "
                + "priority 'P99' is not a priority (valid: P10, P20, P30)");
    }

    @Test
    void aRejectedEventWithoutAnIdIsAnsweredWithAnEmptyId() {
        EventResult result = answerOf(new EventReceipt.Rejected(null,
                List.of(new FieldViolation("event_type", "is required and must not be blank"))));

        assertThat(result.getEventId()).isEmpty();
        assertThat(result.getStatus()).isEqualTo(EventResult.Status.REJECTED);
    }

    @Test
    void aPartlyFailedBatchIsAnOrdinaryResponseWithOneResultPerEventInRequestOrder() {
        useCase.answerWithReceipts(
                new EventReceipt.Rejected("e-0", List.of(new FieldViolation("payload", "is too big"))),
                new EventReceipt.Stored("e-1", Priority.P30, Lane.P30,
                        new StoredLocation.Primary("primary", "eg.p30", 0, 1)),
                new EventReceipt.Unavailable("e-2", Priority.P10, Lane.P10, "every store failed"));

        PublishEventsResponse response = publishEvents(3);

        assertThat(response.getResultsList())
                .extracting(EventResult::getEventId, EventResult::getStatus)
                .containsExactly(
                        tuple("e-0", EventResult.Status.REJECTED),
                        tuple("e-1", EventResult.Status.STORED),
                        tuple("e-2", EventResult.Status.UNAVAILABLE));
    }
}
