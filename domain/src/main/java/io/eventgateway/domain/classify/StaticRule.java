package io.eventgateway.domain.classify;

import io.eventgateway.domain.priority.Priority;
import java.util.Objects;

/**
 * A configured rule that pins the priority of matching events. Every criterion that is set must match
 * (exact, case-sensitive); a {@code null} criterion matches anything. At least one criterion is set, so a rule
 * cannot silently match every event.
 *
 * @param eventType      the event type to match, or {@code null}
 * @param sourceName     the source to match, or {@code null}
 * @param attributeKey   an attribute that must be present with {@code attributeValue}, or {@code null}
 * @param attributeValue the attribute's value; set exactly when {@code attributeKey} is
 * @param priority       the priority of matching events
 */
public record StaticRule(
        String eventType, String sourceName, String attributeKey, String attributeValue, Priority priority) {

    public StaticRule {
        requireNullOrText(eventType, "eventType");
        requireNullOrText(sourceName, "sourceName");
        requireNullOrText(attributeKey, "attributeKey");
        if ((attributeKey == null) != (attributeValue == null)) {
            throw new IllegalArgumentException("attributeKey and attributeValue must be set together, were key="
                    + attributeKey + " value=" + attributeValue);
        }
        if (eventType == null && sourceName == null && attributeKey == null) {
            throw new IllegalArgumentException(
                    "a static rule needs at least one of eventType, sourceName or attributeKey");
        }
        Objects.requireNonNull(priority, "priority");
    }

    public boolean matches(ClassificationInput input) {
        return (eventType == null || eventType.equals(input.eventType()))
                && (sourceName == null || sourceName.equals(input.sourceName()))
                && (attributeKey == null || attributeValue.equals(input.attributes().get(attributeKey)));
    }

    private static void requireNullOrText(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must be null (any) or non-blank, was '" + value + "'");
        }
    }
}
