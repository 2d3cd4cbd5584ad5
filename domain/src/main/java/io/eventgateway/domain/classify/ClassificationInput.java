package io.eventgateway.domain.classify;

import io.eventgateway.domain.priority.Priority;
import java.util.Map;
import java.util.Objects;

/**
 * What the classifier sees of one incoming event. Fields come from producers, so blank values are allowed here
 * and rejected by the {@link Classifier} with the field's name; {@code null} is a caller bug.
 *
 * @param requestedPriority the producer's priority, or {@code null} when it gave none
 */
public record ClassificationInput(
        String eventType,
        String sourceName,
        Map<String, String> attributes,
        String companyId,
        Priority requestedPriority) {

    public ClassificationInput {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sourceName, "sourceName");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Objects.requireNonNull(companyId, "companyId");
    }
}
