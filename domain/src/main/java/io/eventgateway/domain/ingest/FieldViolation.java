package io.eventgateway.domain.ingest;

/**
 * Why one field of one event is refused: {@code field} names it the way the producer wrote it (proto/JSON field
 * names such as {@code company_id} or {@code attributes[region]}); {@code reason} says what is wrong in words.
 */
public record FieldViolation(String field, String reason) {

    public FieldViolation {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("field must not be empty");
        }
        if (reason == null || reason.isEmpty()) {
            throw new IllegalArgumentException("reason must not be empty");
        }
    }

    /** The same violation under a prefix, e.g. {@code events[3].company_id}. */
    public FieldViolation under(String prefix) {
        return new FieldViolation(prefix + "." + field, reason);
    }
}
