package io.eventgateway.application.recovery;

import java.time.Instant;
import java.util.Optional;

/** The DLQ topic, read from its start (or from a time) up to its end as it was when the scan began. */
public interface DeadLetterSource {

    /**
     * Hands every readable DLQ record to {@code visitor} until it returns false or the scan reaches the end.
     *
     * @param from where to start, when only later records matter; the source may start earlier, never later
     */
    DlqScan scan(Optional<Instant> from, DeadLetterVisitor visitor) throws InterruptedException;
}
