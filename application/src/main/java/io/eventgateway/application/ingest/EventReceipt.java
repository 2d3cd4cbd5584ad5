package io.eventgateway.application.ingest;

import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.util.List;

/** The answer for one event of a batch. Partial failure is normal: each event gets its own. */
public sealed interface EventReceipt {

    /** The event's id: the producer's, or the one generated for it; {@code null} only for a rejected id-less event. */
    String eventId();

    /** Durably stored at {@code location}. */
    record Stored(String eventId, Priority priority, Lane lane, StoredLocation location) implements EventReceipt {
    }

    /** Invalid; retrying the same event will not help. */
    record Rejected(String eventId, List<FieldViolation> violations) implements EventReceipt {

        public Rejected {
            violations = List.copyOf(violations);
        }
    }

    /** Valid, but no store in the fallback chain took it: retry with the same event id. */
    record Unavailable(String eventId, Priority priority, Lane lane, String reason) implements EventReceipt {
    }
}
