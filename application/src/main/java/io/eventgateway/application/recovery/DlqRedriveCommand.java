package io.eventgateway.application.recovery;

import java.util.Objects;

/**
 * Move the matching DLQ records back to their lane topics.
 *
 * @param limit  at most this many records are moved (or, in a dry run, counted); 0 means no limit
 * @param dryRun count what would move, move nothing
 */
public record DlqRedriveCommand(DlqFilter filter, long limit, boolean dryRun) {

    public DlqRedriveCommand {
        Objects.requireNonNull(filter, "filter");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0: no limit), was " + limit);
        }
    }
}
