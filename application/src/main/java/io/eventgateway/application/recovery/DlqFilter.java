package io.eventgateway.application.recovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which DLQ records a command acts on; an empty part matches everything.
 *
 * @param tenant the event's {@code company_id}
 * @param type   the event's {@code event_type}
 * @param from   dead-lettered at or after
 * @param to     dead-lettered before
 */
public record DlqFilter(Optional<String> tenant, Optional<String> type, Optional<Instant> from,
        Optional<Instant> to) {

    public DlqFilter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to (" + to.get() + ") must not be before from (" + from.get() + ")");
        }
    }

    public static DlqFilter everything() {
        return new DlqFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean matches(DeadLetter letter) {
        Instant time = letter.time();
        return tenant.map(letter.record().companyId()::equals).orElse(true)
                && type.map(letter.record().eventType()::equals).orElse(true)
                && from.map(start -> !time.isBefore(start)).orElse(true)
                && to.map(time::isBefore).orElse(true);
    }
}
