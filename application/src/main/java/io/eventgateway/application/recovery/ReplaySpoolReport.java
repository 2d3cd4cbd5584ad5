package io.eventgateway.application.recovery;

import java.util.List;

/**
 * What a spool replay did.
 *
 * @param objectsDone objects replayed and deleted (or read, in a dry run), or found already gone
 * @param kept        objects left in place, each with why; a clean run keeps none
 */
public record ReplaySpoolReport(int objectsListed, int objectsDone, long events, List<String> kept,
        boolean dryRun) {

    public ReplaySpoolReport {
        kept = List.copyOf(kept);
    }

    public boolean isClean() {
        return kept.isEmpty();
    }
}
