package io.eventgateway.domain.ingest;

import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an {@link IngestEvent} before anything is stored: required fields, lengths, sizes, known priorities and
 * sane timestamps. It collects every violation so a producer fixes all of them in one round trip. The deadline's
 * floor depends on the priority actually applied (a static rule may pin it), so {@link #resolveDeadline} runs after
 * classification.
 */
public final class EventValidator {

    /** Timestamps before this are garbage (an unset or negative clock), not a request. */
    static final Instant EARLIEST_SANE = Instant.parse("2000-01-01T00:00:00Z");

    private final IngestLimits limits;
    private final SloPolicy slo;

    public EventValidator(IngestLimits limits, SloPolicy slo) {
        this.limits = limits;
        this.slo = slo;
    }

    public Validation validate(IngestEvent event, Instant now) {
        List<FieldViolation> violations = new ArrayList<>(event.decodingViolations());
        optionalText(event.eventId(), "event_id", violations);
        requiredText(event.companyId(), "company_id", violations);
        requiredText(event.sourceName(), "source_name", violations);
        requiredText(event.eventType(), "event_type", violations);
        optionalText(event.groupKey(), "group_key", violations);
        if (event.payload().size() > limits.maxPayloadBytes()) {
            violations.add(new FieldViolation("payload", "is " + event.payload().size()
                    + " bytes, more than the limit of " + limits.maxPayloadBytes()));
        }
        checkAttributes(event.attributes(), violations);
        Priority priority = parsePriority(event.priority(), violations);
        checkDeadline(event.sloDeadline(), now, violations);
        checkDelay(event.delayUntil(), event.sloDeadline(), now, violations);
        if (!violations.isEmpty()) {
            return new Validation.Invalid(violations);
        }
        return new Validation.Valid(new ValidatedEvent(blankToNull(event.eventId()), event.companyId(),
                event.sourceName(), event.eventType(), blankToNull(event.groupKey()), event.payload(),
                event.attributes(), priority, event.sloDeadline(), event.delayUntil()));
    }

    /**
     * The deadline for the applied priority: the SLO from the later of ingest and {@code delay_until} (a delayed
     * event is not late the moment it becomes due), or the requested one when earlier, but never earlier than the
     * priority's floor.
     */
    public DeadlineResolution resolveDeadline(ValidatedEvent event, Priority applied, Instant ingestedAt) {
        Instant start = event.delayUntil() != null && event.delayUntil().isAfter(ingestedAt)
                ? event.delayUntil() : ingestedAt;
        Instant byDefault = slo.defaultDeadline(applied, start);
        Instant requested = event.requestedDeadline();
        if (requested == null || !requested.isBefore(byDefault)) {
            return new DeadlineResolution.Resolved(byDefault);
        }
        Instant earliest = slo.earliestAllowedDeadline(applied, start);
        if (requested.isBefore(earliest)) {
            return new DeadlineResolution.Refused(new FieldViolation("slo_deadline", "is " + requested
                    + ", earlier than the " + applied + " floor of " + slo.floorOf(applied).toMillis()
                    + " ms after " + start + " (earliest allowed " + earliest + ")"));
        }
        return new DeadlineResolution.Resolved(requested);
    }

    private void requiredText(String value, String field, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required and must not be blank"));
            return;
        }
        checkText(value, field, violations);
    }

    private void optionalText(String value, String field, List<FieldViolation> violations) {
        if (value != null && !value.isEmpty()) {
            checkText(value, field, violations);
        }
    }

    private void checkText(String value, String field, List<FieldViolation> violations) {
        if (value.length() > limits.maxFieldLength()) {
            violations.add(new FieldViolation(field, "is " + value.length() + " characters, more than the limit of "
                    + limits.maxFieldLength()));
        }
        firstControlCharacter(value).ifPresent(index -> violations.add(new FieldViolation(field,
                "contains a control character at index " + index)));
    }

    private static Optional<Integer> firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private void checkAttributes(Map<String, String> attributes, List<FieldViolation> violations) {
        if (attributes.size() > limits.maxAttributes()) {
            violations.add(new FieldViolation("attributes", "has " + attributes.size()
                    + " entries, more than the limit of " + limits.maxAttributes()));
            return;
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            if (key.isBlank()) {
                violations.add(new FieldViolation("attributes", "has a blank key"));
                continue;
            }
            String field = "attributes[" + abbreviate(key) + "]";
            if (key.length() > limits.maxFieldLength()) {
                violations.add(new FieldViolation(field, "key is " + key.length()
                        + " characters, more than the limit of " + limits.maxFieldLength()));
            }
            if (entry.getValue().length() > limits.maxAttributeValueLength()) {
                violations.add(new FieldViolation(field, "value is " + entry.getValue().length()
                        + " characters, more than the limit of " + limits.maxAttributeValueLength()));
            }
        }
    }

    private static String abbreviate(String key) {
        return key.length() <= 64 ? key : key.substring(0, 61) + "...";
    }

    private static Priority parsePriority(String name, List<FieldViolation> violations) {
        if (name == null || name.isBlank()) {
            return null;
        }
        Optional<Priority> parsed = Priority.parse(name);
        if (parsed.isEmpty()) {
            violations.add(new FieldViolation("priority", "'" + abbreviate(name)
                    + "' is not a priority (valid: P10, P20, P30)"));
            return null;
        }
        return parsed.get();
    }

    private void checkDeadline(Instant deadline, Instant now, List<FieldViolation> violations) {
        if (deadline == null) {
            return;
        }
        if (deadline.isBefore(now)) {
            violations.add(new FieldViolation("slo_deadline", "is " + deadline + ", before the ingest time " + now));
        } else if (deadline.isAfter(now.plus(limits.maxDeadlineAhead()))) {
            violations.add(new FieldViolation("slo_deadline", "is " + deadline + ", more than "
                    + limits.maxDeadlineAhead() + " after the ingest time " + now));
        }
    }

    private void checkDelay(Instant delayUntil, Instant deadline, Instant now, List<FieldViolation> violations) {
        if (delayUntil == null) {
            return;
        }
        if (delayUntil.isBefore(EARLIEST_SANE)) {
            violations.add(new FieldViolation("delay_until", "is " + delayUntil + ", not a sane timestamp"));
        } else if (delayUntil.isAfter(now.plus(limits.maxDelayAhead()))) {
            violations.add(new FieldViolation("delay_until", "is " + delayUntil + ", more than "
                    + limits.maxDelayAhead() + " after the ingest time " + now));
        } else if (deadline != null && delayUntil.isAfter(deadline)) {
            violations.add(new FieldViolation("delay_until", "is " + delayUntil + ", after slo_deadline " + deadline));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
