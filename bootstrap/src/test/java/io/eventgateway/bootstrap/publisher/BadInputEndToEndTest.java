package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a specific answer and never sinks the good events beside it: in a batch of valid and invalid
 * events the valid ones are stored (and read back) and each invalid one is REJECTED naming the field and the reason.
 * A request that cannot be read at all, or is too large, is refused as a whole: HTTP 400/413 with
 * {@code {"errors":[{"field","reason"}]}}, gRPC INVALID_ARGUMENT with {@code google.rpc.BadRequest}.
 */
class BadInputEndToEndTest {

    private static final String PREFIX = TestTopics.unique("bad-input") + ".";
    private static final int MAX_EVENTS = 10;
    private static final int MAX_PAYLOAD_BYTES = 1024;
    private static final int MAX_FIELD_LENGTH = 64;
    private static final int MAX_ATTRIBUTES = 4;
    private static final int MAX_ATTRIBUTE_VALUE_LENGTH = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningPublisher publisher;
    private static KafkaRecords primary;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.PRIMARY);
        publisher = RunningPublisher.start(servers, PREFIX, Map.of(
                "eventgateway.publisher.max-events-per-request", MAX_EVENTS,
                "eventgateway.publisher.max-payload-bytes", MAX_PAYLOAD_BYTES,
                "eventgateway.publisher.max-field-length", MAX_FIELD_LENGTH,
                "eventgateway.publisher.max-attributes", MAX_ATTRIBUTES,
                "eventgateway.publisher.max-attribute-value-length", MAX_ATTRIBUTE_VALUE_LENGTH,
                "eventgateway.publisher.max-delay-ahead", "1h"));
        primary = new KafkaRecords(servers);
    }

    @AfterAll
    static void stop() {
        try {
            primary.close();
        } finally {
            publisher.close();
        }
    }

    /**
     * An invalid event, made when the test runs (deadlines are relative to then), and the field and reason (a
     * fragment of it) its rejection must name.
     */
    record BadEvent(String name, Supplier<Object> event, String field, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    record BadProtoEvent(String name, Event event, String field, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadEvent> badHttpEvents() {
        return Stream.of(
                http("missing company_id", event -> without(event, "company_id"), "company_id", "is required"),
                http("blank source_name", event -> with(event, "source_name", "   "), "source_name",
                        "must not be blank"),
                http("event_type too long", event -> with(event, "event_type", "t".repeat(MAX_FIELD_LENGTH + 1)),
                        "event_type", "more than the limit of " + MAX_FIELD_LENGTH),
                http("control character in group_key", event -> with(event, "group_key", "cart\u0007"),
                        "group_key", "control character"),
                http("unknown priority", event -> with(event, "priority", "P99"), "priority", "is not a priority"),
                http("payload not base64", event -> with(without(event, "payload_json"), "payload", "%%%"),
                        "payload", "not valid base64"),
                http("payload and payload_json both", event -> with(event, "payload", "AAAA"), "payload",
                        "mutually exclusive"),
                http("company_id a number", event -> with(event, "company_id", 42), "company_id",
                        "must be a string"),
                http("attribute value a number", event -> with(event, "attributes", Map.of("tier", 1)),
                        "attributes[tier]", "must be a string"),
                http("slo_deadline not RFC 3339", event -> with(event, "slo_deadline", "next tuesday"),
                        "slo_deadline", "RFC 3339"),
                http("slo_deadline in the past", event -> with(event, "slo_deadline",
                        fromNow(Duration.ofMinutes(-1))), "slo_deadline", "before the ingest time"),
                http("slo_deadline under the P20 floor", event -> with(with(event, "priority", "P20"),
                        "slo_deadline", fromNow(Duration.ofSeconds(2))), "slo_deadline",
                        "earlier than the P20 floor"),
                http("slo_deadline absurdly far", event -> with(event, "slo_deadline",
                        fromNow(Duration.ofDays(30))), "slo_deadline", "more than"),
                http("delay_until too far", event -> with(event, "delay_until",
                        fromNow(Duration.ofHours(2))), "delay_until", "more than"),
                http("delay_until after slo_deadline", event -> with(with(with(event, "priority", "P10"),
                        "slo_deadline", fromNow(Duration.ofMinutes(5))), "delay_until",
                        fromNow(Duration.ofMinutes(10))), "delay_until", "after slo_deadline"),
                http("too many attributes", event -> with(event, "attributes", attributes(MAX_ATTRIBUTES + 1)),
                        "attributes", "more than the limit of " + MAX_ATTRIBUTES),
                http("attribute value too long", event -> with(event, "attributes",
                        Map.of("note", "n".repeat(MAX_ATTRIBUTE_VALUE_LENGTH + 1))), "attributes[note]",
                        "more than the limit of " + MAX_ATTRIBUTE_VALUE_LENGTH),
                http("payload too large", event -> with(event, "payload_json",
                        Map.of("blob", "b".repeat(MAX_PAYLOAD_BYTES))), "payload",
                        "more than the limit of " + MAX_PAYLOAD_BYTES),
                new BadEvent("event not an object", () -> 42, "event", "must be a JSON object"));
    }

    static Stream<BadProtoEvent> badGrpcEvents() {
        return Stream.of(
                grpc("missing event_type", event -> event.clearEventType(), "event_type", "is required"),
                grpc("blank source_name", event -> event.setSourceName(" \t "), "source_name",
                        "must not be blank"),
                grpc("control character in company_id", event -> event.setCompanyId("acme\n"), "company_id",
                        "control character"),
                grpc("unknown priority number", event -> event.setPriorityValue(15), "priority",
                        "is not a priority"),
                grpc("slo_deadline seconds out of the Timestamp range",
                        event -> event.setSloDeadline(Timestamp.newBuilder().setSeconds(300_000_000_000L)),
                        "slo_deadline", "outside the Timestamp range"),
                grpc("delay_until nanos out of the Timestamp range",
                        event -> event.setDelayUntil(Timestamp.newBuilder().setSeconds(2_000_000_000L)
                                .setNanos(-1)), "delay_until", "outside the Timestamp range"),
                grpc("delay_until not a sane timestamp",
                        event -> event.setDelayUntil(Timestamp.newBuilder().setSeconds(1)), "delay_until",
                        "not a sane timestamp"),
                grpc("payload too large",
                        event -> event.setPayload(ByteString.copyFrom(new byte[MAX_PAYLOAD_BYTES + 1])),
                        "payload", "more than the limit of " + MAX_PAYLOAD_BYTES),
                grpc("group_key too long", event -> event.setGroupKey("g".repeat(MAX_FIELD_LENGTH + 1)),
                        "group_key", "more than the limit of " + MAX_FIELD_LENGTH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHttpEvents")
    void overHttpTheInvalidEventIsRejectedNamingFieldAndReasonWhileItsNeighboursAreStored(BadEvent bad) {
        Map<String, Object> before = TestEvents.json("P30");
        Map<String, Object> after = TestEvents.json("P10");

        HttpResponse<String> response = publisher.postEvents(TestEvents.body(List.of(before, bad.event().get(),
                after)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Receipt> receipts = Receipt.fromHttp(response.body());
        assertThat(receipts).hasSize(3);
        assertRejected(receipts.get(1), bad.field(), bad.reason());
        assertStoredAndFound(receipts.get(0), (String) before.get("event_id"));
        assertStoredAndFound(receipts.get(2), (String) after.get("event_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGrpcEvents")
    void overGrpcTheInvalidEventIsRejectedNamingFieldAndReasonWhileItsNeighboursAreStored(BadProtoEvent bad) {
        Event before = TestEvents.proto(Priority.P30).build();
        Event after = TestEvents.proto(Priority.P10).build();

        List<Receipt> receipts = Receipt.fromGrpc(publisher.grpc().publishEvents(PublishEventsRequest.newBuilder()
                .addEvents(before).addEvents(bad.event()).addEvents(after).build()));

        assertThat(receipts).hasSize(3);
        assertRejected(receipts.get(1), bad.field(), bad.reason());
        assertThat(receipts.get(1).eventId()).isEqualTo(bad.event().getEventId());
        assertStoredAndFound(receipts.get(0), before.getEventId());
        assertStoredAndFound(receipts.get(2), after.getEventId());
    }

    @Test
    void overHttpAnEventWithSeveralViolationsListsEveryOne() throws Exception {
        Map<String, Object> event = with(without(TestEvents.json("P30"), "company_id"), "priority", "P99");

        HttpResponse<String> response = publisher.postEvents(TestEvents.body(List.of(event)));

        JsonNode result = JSON.readTree(response.body()).get("results").get(0);
        assertThat(result.get("status").asText()).isEqualTo("REJECTED");
        assertThat(result.get("errors").findValuesAsText("field")).containsExactly("company_id", "priority");
    }

    @Test
    void overHttpABodyThatIsNotJsonIsRefusedWith400NamingTheBody() throws Exception {
        HttpResponse<String> response = publisher.postEvents("events: [this is not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertSingleError(response.body(), "body", "not valid JSON");
    }

    @Test
    void overHttpABodyWithoutAnEventsArrayIsRefusedWith400NamingEvents() throws Exception {
        HttpResponse<String> response = publisher.postEvents("{\"event\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertSingleError(response.body(), "events", "must be an array");
    }

    @Test
    void overHttpEventsThatAreNotAnArrayAreRefusedWith400NamingEvents() throws Exception {
        HttpResponse<String> response = publisher.postEvents("{\"events\":{\"event_id\":\"x\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertSingleError(response.body(), "events", "must be an array");
    }

    @Test
    void overHttpTooManyEventsAreRefusedWith413AndNothingIsStored() throws Exception {
        double storedBefore = publisher.counter("eg.publish.stored");
        List<Object> events = new ArrayList<>();
        IntStream.rangeClosed(0, MAX_EVENTS).forEach(i -> events.add(TestEvents.json("P20")));

        HttpResponse<String> response = publisher.postEvents(TestEvents.body(events));

        assertThat(response.statusCode()).isEqualTo(413);
        assertSingleError(response.body(), "events", "more than the limit of " + MAX_EVENTS);
        assertThat(publisher.counter("eg.publish.stored")).isEqualTo(storedBefore);
    }

    @Test
    void overGrpcTooManyEventsAreInvalidArgumentWithABadRequestNamingEvents() throws InvalidProtocolBufferException {
        PublishEventsRequest.Builder request = PublishEventsRequest.newBuilder();
        IntStream.rangeClosed(0, MAX_EVENTS).forEach(i -> request.addEvents(TestEvents.proto(Priority.P20)));

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> publisher.grpc().publishEvents(request.build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        assertThat(status).isNotNull();
        BadRequest badRequest = status.getDetailsList().get(0).unpack(BadRequest.class);
        assertThat(badRequest.getFieldViolationsList()).singleElement().satisfies(violation -> {
            assertThat(violation.getField()).isEqualTo("events");
            assertThat(violation.getDescription()).contains("more than the limit of " + MAX_EVENTS);
        });
    }

    private static void assertRejected(Receipt receipt, String field, String reason) {
        assertThat(receipt.status()).as("%s", receipt).isEqualTo("REJECTED");
        assertThat(receipt.errorField()).as("%s", receipt).isEqualTo(field);
        assertThat(receipt.errorReason()).as("%s", receipt).contains(reason);
        assertThat(receipt.location()).isNull();
    }

    private static void assertStoredAndFound(Receipt receipt, String eventId) {
        assertThat(receipt.eventId()).isEqualTo(eventId);
        assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("primary");
        primary.find(receipt);
    }

    private static void assertSingleError(String body, String field, String reason) throws Exception {
        JsonNode errors = JSON.readTree(body).get("errors");
        assertThat(errors).as(body).isNotNull();
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("reason").asText()).contains(reason);
    }

    private static BadEvent http(String name, UnaryOperator<Map<String, Object>> breakIt, String field,
            String reason) {
        return new BadEvent(name, () -> breakIt.apply(TestEvents.json("P30")), field, reason);
    }

    private static BadProtoEvent grpc(String name, UnaryOperator<Event.Builder> breakIt, String field,
            String reason) {
        return new BadProtoEvent(name, breakIt.apply(TestEvents.proto(Priority.P30)).build(), field, reason);
    }

    private static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }

    private static Map<String, Object> without(Map<String, Object> event, String field) {
        event.remove(field);
        return event;
    }

    /** An RFC 3339 timestamp {@code offset} from the moment the event is made. */
    private static String fromNow(Duration offset) {
        return Instant.now().plus(offset).toString();
    }

    private static Map<String, String> attributes(int count) {
        Map<String, String> attributes = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> attributes.put("key" + i, "value" + i));
        return attributes;
    }
}
