package io.eventgateway.adapters.grpc.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.EventValidator;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.ingest.IngestLimits;
import io.eventgateway.domain.ingest.Validation;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How a proto request reaches the use case, over a real loopback gRPC call. */
class IngestRequestMappingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final FakePublishEventsUseCase useCase = new FakePublishEventsUseCase();
    private final IngestServer server = new IngestServer(useCase);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static Event.Builder minimalEvent() {
        return Event.newBuilder().setCompanyId("acme").setSourceName("billing").setEventType("invoice.paid");
    }

    private IngestEvent sentAs(Event event) {
        server.blockingStub().publishEvents(PublishEventsRequest.newBuilder().addEvents(event).build());
        return useCase.onlyCommand().events().get(0);
    }

    /** Answers like the real service would for validation: the domain validator's verdict, or stored. */
    private void answerWithTheValidatorsVerdict() {
        EventValidator validator = new EventValidator(IngestLimits.defaults(), SloPolicy.defaults());
        useCase.answerWith(command -> {
            List<EventReceipt> receipts = new ArrayList<>();
            for (IngestEvent event : command.events()) {
                Validation validation = validator.validate(event, NOW);
                receipts.add(validation instanceof Validation.Invalid invalid
                        ? new EventReceipt.Rejected(event.eventId(), invalid.violations())
                        : new EventReceipt.Stored(event.eventId(), io.eventgateway.domain.priority.Priority.P20,
                                Lane.P20, new StoredLocation.Primary("primary", "eg.p20", 0, 1)));
            }
            return CompletableFuture.completedFuture(new PublishEventsResult(receipts));
        });
    }

    private EventResult publishedThroughTheValidator(Event event) {
        answerWithTheValidatorsVerdict();
        PublishEventsResponse response = server.blockingStub()
                .publishEvents(PublishEventsRequest.newBuilder().addEvents(event).build());
        return response.getResults(0);
    }

    @Test
    void everyFieldOfAnEventReachesTheUseCase() {
        Instant deadline = Instant.parse("2026-11-23T12:00:03.250000001Z");
        Instant delayUntil = Instant.parse("2026-11-23T12:00:01.5Z");
        Event event = Event.newBuilder()
                .setEventId("e-1")
                .setCompanyId("acme")
                .setSourceName("billing")
                .setEventType("invoice.paid")
                .setGroupKey("invoice-42")
                .setPayload(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .putAttributes("region", "eu")
                .putAttributes("flag", "vip")
                .setPriority(Priority.P30)
                .setSloDeadline(timestamp(deadline))
                .setDelayUntil(timestamp(delayUntil))
                .build();

        IngestEvent received = sentAs(event);

        assertThat(received).isEqualTo(new IngestEvent("e-1", "acme", "billing", "invoice.paid", "invoice-42",
                Payload.wrap(new byte[] {1, 2, 3}), Map.of("region", "eu", "flag", "vip"), "P30", deadline,
                delayUntil, List.of()));
    }

    @Test
    void theCommandCountsTheRequestsSizeOnTheWire() {
        PublishEventsRequest request = PublishEventsRequest.newBuilder()
                .addEvents(minimalEvent().setPayload(ByteString.copyFrom(new byte[1000])))
                .addEvents(minimalEvent().setEventId("e-2"))
                .build();

        server.blockingStub().publishEvents(request);

        PublishEventsCommand command = useCase.onlyCommand();
        assertThat(command.requestBytes()).isEqualTo(request.getSerializedSize());
        assertThat(command.events()).hasSize(2);
    }

    @Test
    void emptyStringsAbsentTimestampsAndAnUnspecifiedPriorityArriveAsAbsent() {
        IngestEvent received = sentAs(Event.newBuilder().build());

        assertThat(received).isEqualTo(new IngestEvent(null, null, null, null, null, Payload.empty(), Map.of(),
                null, null, null, List.of()));
    }

    @ParameterizedTest
    @EnumSource(value = Priority.class, names = {"P10", "P20", "P30"})
    void aKnownPriorityArrivesAsItsName(Priority priority) {
        IngestEvent received = sentAs(minimalEvent().setPriority(priority).build());

        assertThat(received.priority()).isEqualTo(priority.name());
    }

    @Test
    void anUnknownPriorityNumberArrivesAsANamedUnrecognizedValue() {
        IngestEvent received = sentAs(minimalEvent().setPriorityValue(15).build());

        assertThat(received.priority()).isEqualTo("UNRECOGNIZED(15)");
    }

    @Test
    void givenAnUnknownPriorityNumber_whenPublished_thenTheEventIsRejectedNamingPriority() {
        EventResult result = publishedThroughTheValidator(minimalEvent().setPriorityValue(15).build());

        assertThat(result.getStatus()).isEqualTo(EventResult.Status.REJECTED);
        assertThat(result.getError().getField()).isEqualTo("priority");
        assertThat(result.getError().getReason()).contains("UNRECOGNIZED(15)");
    }

    static Stream<Arguments> outOfRangeTimestamps() {
        return Stream.of(
                Arguments.of("deadline after year 9999", "slo_deadline",
                        minimalEvent().setSloDeadline(Timestamp.newBuilder().setSeconds(253_402_300_800L)),
                        "has seconds 253402300800"),
                Arguments.of("deadline with negative nanos", "slo_deadline",
                        minimalEvent().setSloDeadline(Timestamp.newBuilder().setSeconds(1_800_000_000L).setNanos(-1)),
                        "has nanos -1"),
                Arguments.of("delay before year 1", "delay_until",
                        minimalEvent().setDelayUntil(Timestamp.newBuilder().setSeconds(-62_135_596_801L)),
                        "has seconds -62135596801"),
                Arguments.of("delay with a billion nanos", "delay_until",
                        minimalEvent().setDelayUntil(Timestamp.newBuilder().setSeconds(1_800_000_000L)
                                .setNanos(1_000_000_000)),
                        "has nanos 1000000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRangeTimestamps")
    void anOutOfRangeTimestampArrivesAsADecodingViolationOfItsField(String name, String field, Event.Builder event,
            String reason) {
        IngestEvent received = sentAs(event.build());

        assertThat(received.sloDeadline()).isNull();
        assertThat(received.delayUntil()).isNull();
        assertThat(received.decodingViolations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.reason()).contains(reason).contains("outside the Timestamp range");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRangeTimestamps")
    void givenAnOutOfRangeTimestamp_whenPublished_thenTheEventIsRejectedNamingItsField(String name, String field,
            Event.Builder event, String reason) {
        EventResult result = publishedThroughTheValidator(event.build());

        assertThat(result.getStatus()).isEqualTo(EventResult.Status.REJECTED);
        assertThat(result.getError().getField()).isEqualTo(field);
        assertThat(result.getError().getReason()).contains(reason);
    }

    @Test
    void aTimestampOutOfRangeInBothPartsIsReportedForEachPart() {
        IngestEvent received = sentAs(minimalEvent()
                .setSloDeadline(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).setNanos(-5)).build());

        assertThat(received.decodingViolations()).extracting(FieldViolation::field)
                .containsExactly("slo_deadline", "slo_deadline");
    }

    @Test
    void theEdgesOfTheTimestampRangeAreDecoded() {
        IngestEvent received = sentAs(minimalEvent()
                .setSloDeadline(Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999))
                .setDelayUntil(Timestamp.newBuilder().setSeconds(-62_135_596_800L))
                .build());

        assertThat(received.decodingViolations()).isEmpty();
        assertThat(received.sloDeadline()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
        assertThat(received.delayUntil()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }
}
