package io.eventgateway.application.recovery;

import java.time.Instant;

/**
 * Replay the spool objects written in {@code [from, to)}.
 *
 * @param dryRun read and count, write and delete nothing
 */
public record ReplaySpoolCommand(Instant from, Instant to, boolean dryRun) {

    public ReplaySpoolCommand {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
    }
}
