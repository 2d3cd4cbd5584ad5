package io.eventgateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final IngestLimits LIMITS = new IngestLimits(100, 4096, 1024, 16, 2, 8,
            Duration.ofDays(7), Duration.ofHours(1));

    private final EventValidator validator = new EventValidator(LIMITS, SloPolicy.defaults());

    private static IngestEvent valid() {
        return new IngestEvent("e-1", "acme", "billing", "invoice.paid", "key-1", Payload.wrap(new byte[] {1, 2}),
                Map.of("region", "eu"), "P20", null, null, List.of());
    }

    private static IngestEvent with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(valid())).build();
    }

    @Test
    void aWellFormedEventIsValidAndKeepsItsFields() {
        Validation result = validator.validate(valid(), NOW);

        assertThat(result).isInstanceOf(Validation.Valid.class);
        ValidatedEvent event = ((Validation.Valid) result).event();
        assertThat(event.requestedPriority()).isEqualTo(Priority.P20);
        assertThat(event.groupKey()).isEqualTo("key-1");
    }

    @Test
    void absentOptionalFieldsAreValid() {
        IngestEvent minimal = new IngestEvent(null, "acme", "billing", "invoice.paid", null, null, null, null,
                null, null, null);

        Validation result = validator.validate(minimal, NOW);

        assertThat(result).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) result).event().requestedPriority()).isNull();
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                Arguments.of("missing company", with(b -> b.companyId(null)), "company_id", "required"),
                Arguments.of("blank company", with(b -> b.companyId("  ")), "company_id", "required"),
                Arguments.of("missing source", with(b -> b.sourceName(null)), "source_name", "required"),
                Arguments.of("missing type", with(b -> b.eventType("")), "event_type", "required"),
                Arguments.of("long company", with(b -> b.companyId("x".repeat(17))), "company_id", "limit of 16"),
                Arguments.of("long group key", with(b -> b.groupKey("k".repeat(17))), "group_key", "limit of 16"),
                Arguments.of("long event id", with(b -> b.eventId("i".repeat(17))), "event_id", "limit of 16"),
                Arguments.of("control char", with(b -> b.eventType("a\u0000b")), "event_type", "control character"),
                Arguments.of("big payload", with(b -> b.payload(Payload.wrap(new byte[1025]))), "payload",
                        "1025 bytes"),
                Arguments.of("too many attributes", with(b -> b.attributes(Map.of("a", "1", "b", "2", "c", "3"))),
                        "attributes", "limit of 2"),
                Arguments.of("long attribute value", with(b -> b.attributes(Map.of("a", "123456789"))),
                        "attributes[a]", "value is 9"),
                Arguments.of("long attribute key", with(b -> b.attributes(Map.of("k".repeat(17), "v"))),
                        "attributes[" + "k".repeat(17) + "]", "key is 17"),
                Arguments.of("blank attribute key", with(b -> b.attributes(Map.of(" ", "v"))), "attributes",
                        "blank key"),
                Arguments.of("unknown priority", with(b -> b.priority("P99")), "priority", "'P99' is not a priority"),
                Arguments.of("deadline in the past", with(b -> b.sloDeadline(NOW.minusSeconds(1))), "slo_deadline",
                        "before the ingest time"),
                Arguments.of("deadline absurdly far", with(b -> b.sloDeadline(NOW.plus(Duration.ofDays(8)))),
                        "slo_deadline", "more than"),
                Arguments.of("delay too far", with(b -> b.delayUntil(NOW.plus(Duration.ofHours(2)))), "delay_until",
                        "more than"),
                Arguments.of("delay before 2000", with(b -> b.delayUntil(Instant.EPOCH.minusSeconds(5))),
                        "delay_until", "not a sane timestamp"),
                Arguments.of("delay after deadline", with(b -> b.sloDeadline(NOW.plusSeconds(10))
                        .delayUntil(NOW.plusSeconds(20))), "delay_until", "after slo_deadline"),
                Arguments.of("decoding problem", with(b -> b.decodingViolations(
                        List.of(new FieldViolation("payload", "is not valid base64")))), "payload", "base64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void eachBadFieldIsRejectedWithItsNameAndReason(String name, IngestEvent event, String field, String reason) {
        Validation result = validator.validate(event, NOW);

        assertThat(result).isInstanceOf(Validation.Invalid.class);
        assertThat(((Validation.Invalid) result).violations())
                .anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.reason()).contains(reason);
                });
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        IngestEvent event = with(b -> b.companyId(null).sourceName(null).priority("urgent"));

        Validation result = validator.validate(event, NOW);

        assertThat(((Validation.Invalid) result).violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("company_id", "source_name", "priority");
    }

    @Test
    void aDeadlineEarlierThanTheAppliedPrioritysFloorIsRefused() {
        ValidatedEvent event = validated(with(b -> b.sloDeadline(NOW.plusSeconds(2))));

        DeadlineResolution resolution = validator.resolveDeadline(event, Priority.P10, NOW);

        assertThat(resolution).isInstanceOfSatisfying(DeadlineResolution.Refused.class,
                refused -> assertThat(refused.violation().reason()).contains("P10 floor"));
    }

    @Test
    void anEarlierDeadlineWithinTheFloorIsKept() {
        ValidatedEvent event = validated(with(b -> b.sloDeadline(NOW.plusSeconds(2))));

        DeadlineResolution resolution = validator.resolveDeadline(event, Priority.P30, NOW);

        assertThat(resolution).isEqualTo(new DeadlineResolution.Resolved(NOW.plusSeconds(2)));
    }

    @Test
    void aLaterDeadlineThanTheSloYieldsTheSlo() {
        ValidatedEvent event = validated(with(b -> b.sloDeadline(NOW.plus(Duration.ofHours(1)))));

        DeadlineResolution resolution = validator.resolveDeadline(event, Priority.P20, NOW);

        assertThat(resolution).isEqualTo(new DeadlineResolution.Resolved(NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void aDelayedEventsDeadlineCountsFromWhenItIsDue() {
        ValidatedEvent event = validated(with(b -> b.delayUntil(NOW.plusSeconds(90))));

        DeadlineResolution resolution = validator.resolveDeadline(event, Priority.P30, NOW);

        assertThat(resolution).isEqualTo(new DeadlineResolution.Resolved(NOW.plusSeconds(95)));
    }

    private ValidatedEvent validated(IngestEvent event) {
        return ((Validation.Valid) validator.validate(event, NOW)).event();
    }

    /** Changes one field of an event at a time. */
    private static final class Builder {
        private String eventId;
        private String companyId;
        private String sourceName;
        private String eventType;
        private String groupKey;
        private Payload payload;
        private Map<String, String> attributes;
        private String priority;
        private Instant sloDeadline;
        private Instant delayUntil;
        private List<FieldViolation> decodingViolations;

        Builder(IngestEvent e) {
            eventId = e.eventId();
            companyId = e.companyId();
            sourceName = e.sourceName();
            eventType = e.eventType();
            groupKey = e.groupKey();
            payload = e.payload();
            attributes = new HashMap<>(e.attributes());
            priority = e.priority();
            sloDeadline = e.sloDeadline();
            delayUntil = e.delayUntil();
            decodingViolations = e.decodingViolations();
        }

        Builder eventId(String v) { eventId = v; return this; }
        Builder companyId(String v) { companyId = v; return this; }
        Builder sourceName(String v) { sourceName = v; return this; }
        Builder eventType(String v) { eventType = v; return this; }
        Builder groupKey(String v) { groupKey = v; return this; }
        Builder payload(Payload v) { payload = v; return this; }
        Builder attributes(Map<String, String> v) { attributes = v; return this; }
        Builder priority(String v) { priority = v; return this; }
        Builder sloDeadline(Instant v) { sloDeadline = v; return this; }
        Builder delayUntil(Instant v) { delayUntil = v; return this; }
        Builder decodingViolations(List<FieldViolation> v) { decodingViolations = v; return this; }

        IngestEvent build() {
            return new IngestEvent(eventId, companyId, sourceName, eventType, groupKey, payload, attributes,
                    priority, sloDeadline, delayUntil, decodingViolations);
        }
    }
}
