package io.eventgateway.adapters.grpc.tasks;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** A request turned into what the use case takes, or the fields that make it invalid; never both. */
sealed interface RequestCheck<T> {

    record Valid<T>(T value) implements RequestCheck<T> {

        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(List<FieldViolation> violations) implements RequestCheck<T> {

        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one field");
            }
        }
    }

    static <T> RequestCheck<T> of(List<FieldViolation> violations, Supplier<T> value) {
        return violations.isEmpty() ? new Valid<>(value.get()) : new Invalid<>(violations);
    }
}
