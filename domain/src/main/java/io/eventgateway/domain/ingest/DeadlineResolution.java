package io.eventgateway.domain.ingest;

import java.time.Instant;

/** The deadline that applies to an event once its priority is known, or why the requested one is refused. */
public sealed interface DeadlineResolution {

    record Resolved(Instant deadline) implements DeadlineResolution {
    }

    record Refused(FieldViolation violation) implements DeadlineResolution {
    }
}
