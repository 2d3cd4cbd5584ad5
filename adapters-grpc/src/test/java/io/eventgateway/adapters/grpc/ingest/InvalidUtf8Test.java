package io.eventgateway.adapters.grpc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.eventgateway.domain.ingest.EventValidator;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.ingest.IngestLimits;
import io.eventgateway.domain.ingest.Validation;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid UTF-8 in a proto3 {@code string} field reaches the gateway's own validation as a violation naming the
 * field, instead of grpc-java failing the whole call as {@code INTERNAL} before application code runs. The requests
 * are written byte by byte, the way a client without UTF-8 checks (or a broken one) would send them.
 */
class InvalidUtf8Test {

    /** {@code 0xC3} starts a two-byte sequence; {@code 0x28} ('(') cannot continue it. */
    private static final byte[] INVALID = {'a', 'b', (byte) 0xC3, 0x28};

    private final FakePublishEventsUseCase useCase = new FakePublishEventsUseCase();
    private final IngestServer server = new IngestServer(useCase);

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    record Case(String name, int fieldNumber, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> stringFields() {
        return Stream.of(
                new Case("event_id", Event.EVENT_ID_FIELD_NUMBER, "event_id"),
                new Case("company_id", Event.COMPANY_ID_FIELD_NUMBER, "company_id"),
                new Case("source_name", Event.SOURCE_NAME_FIELD_NUMBER, "source_name"),
                new Case("event_type", Event.EVENT_TYPE_FIELD_NUMBER, "event_type"),
                new Case("group_key", Event.GROUP_KEY_FIELD_NUMBER, "group_key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringFields")
    void invalidUtf8InAStringFieldIsAViolationOfThatFieldAndTheCallSucceeds(Case field) {
        byte[] event = concat(validEventWithout(field.fieldNumber()), bytesField(field.fieldNumber(), INVALID));

        server.publishBytes(requestOf(event));

        IngestEvent received = useCase.onlyCommand().events().get(0);
        assertThat(received.decodingViolations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field.field());
            assertThat(violation.reason()).isEqualTo("is not valid UTF-8 (first bad byte at index 2)");
        });
        assertThat(new EventValidator(IngestLimits.defaults(), SloPolicy.defaults()).validate(received, Instant.now()))
                .isInstanceOfSatisfying(Validation.Invalid.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly(field.field()));
    }

    @Test
    void invalidUtf8InAnAttributeKeyOrValueIsAViolationNamingTheAttribute() {
        byte[] badKey = attribute(INVALID, "ok".getBytes());
        byte[] badValue = attribute("region".getBytes(), INVALID);
        byte[] event = concat(validEventWithout(-1), badKey, badValue);

        server.publishBytes(requestOf(event));

        assertThat(useCase.onlyCommand().events().get(0).decodingViolations())
                .extracting(FieldViolation::field, FieldViolation::reason)
                .containsExactly(
                        tuple("attributes[ab\uFFFD(]", "key is not valid UTF-8 (first bad byte at index 2)"),
                        tuple("attributes[region]", "value is not valid UTF-8 (first bad byte at index 2)"));
    }

    @Test
    void validRequestsStillArriveUnchanged() {
        Event event = Event.newBuilder().setEventId("é-1").setCompanyId("acme").setSourceName("billing")
                .setEventType("invoice.paid").setGroupKey("κλειδί").putAttributes("région", "zürich").build();

        server.blockingStub().publishEvents(PublishEventsRequest.newBuilder().addEvents(event).build());

        IngestEvent received = useCase.onlyCommand().events().get(0);
        assertThat(received.decodingViolations()).isEmpty();
        assertThat(received.eventId()).isEqualTo("é-1");
        assertThat(received.groupKey()).isEqualTo("κλειδί");
        assertThat(received.attributes()).containsExactly(Map.entry("région", "zürich"));
    }

    /** A valid event's bytes without field {@code omitted} (-1 keeps every field). */
    private static byte[] validEventWithout(int omitted) {
        Event.Builder event = Event.newBuilder().setEventId("e-1").setCompanyId("acme").setSourceName("billing")
                .setEventType("invoice.paid");
        if (omitted > 0) {
            event.clearField(Event.getDescriptor().findFieldByNumber(omitted));
        }
        return event.build().toByteArray();
    }

    private static byte[] requestOf(byte[] event) {
        return bytesField(PublishEventsRequest.EVENTS_FIELD_NUMBER, event);
    }

    private static byte[] attribute(byte[] key, byte[] value) {
        return bytesField(Event.ATTRIBUTES_FIELD_NUMBER, concat(bytesField(1, key), bytesField(2, value)));
    }

    private static byte[] bytesField(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeBytes(number, ByteString.copyFrom(value));
            coded.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
