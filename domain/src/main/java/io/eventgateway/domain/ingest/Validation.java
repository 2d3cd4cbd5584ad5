package io.eventgateway.domain.ingest;

import java.util.List;

/** The verdict on one {@link IngestEvent}: valid, or every violation found (not only the first). */
public sealed interface Validation {

    record Valid(ValidatedEvent event) implements Validation {
    }

    record Invalid(List<FieldViolation> violations) implements Validation {

        public Invalid {
            if (violations == null || violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid event has at least one violation");
            }
            violations = List.copyOf(violations);
        }
    }
}
