package io.eventgateway.application.recovery;

import io.eventgateway.domain.task.SourcePosition;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One marker per redriven DLQ record, keyed by its DLQ position: a filtered or interrupted redrive leaves exactly
 * the records it moved marked, so a later run skips those and nothing else (a single shared position would make a
 * run for one tenant skip every other tenant's records before it).
 */
public interface RedriveMarkers {

    /** Every DLQ position marked so far. */
    Set<SourcePosition> load();

    /** Completes once the marker is stored. */
    CompletableFuture<Void> mark(SourcePosition dlqPosition, RedriveMark mark);
}
