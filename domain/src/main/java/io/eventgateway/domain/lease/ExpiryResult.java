package io.eventgateway.domain.lease;

import java.util.List;

/**
 * The decisions of one {@link LeaseTable#expire} pass.
 *
 * @param heldBackLeases leases already past their expiry that waited because responses have not been read that far
 *                       (a lagging response consumer: alert, do not escalate processed work)
 */
public record ExpiryResult(List<ExpiryDecision> decisions, int heldBackLeases) {

    public ExpiryResult {
        decisions = List.copyOf(decisions);
        if (heldBackLeases < 0) {
            throw new IllegalArgumentException("heldBackLeases must be >= 0, was " + heldBackLeases);
        }
    }
}
