package io.eventgateway.application.recovery;

import io.eventgateway.domain.task.SourcePosition;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** {@code dlq inspect}: hands the matching DLQ records, in topic order, to a printer. */
public final class DlqInspectService {

    private final DeadLetterSource source;
    private final RedriveMarkers markers;

    public DlqInspectService(DeadLetterSource source, RedriveMarkers markers) {
        this.source = Objects.requireNonNull(source, "source");
        this.markers = Objects.requireNonNull(markers, "markers");
    }

    /** @param limit at most this many records are shown; 0 means no limit */
    public DlqScan inspect(DlqFilter filter, long limit, Consumer<InspectedDeadLetter> printer)
            throws InterruptedException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: no limit), was " + limit);
        }
        Set<SourcePosition> marked = markers.load();
        long[] shown = {0};
        return source.scan(filter.from(), letter -> {
            if (filter.matches(letter)) {
                printer.accept(new InspectedDeadLetter(letter, marked.contains(letter.position())));
                shown[0]++;
            }
            return limit == 0 || shown[0] < limit;
        });
    }
}
