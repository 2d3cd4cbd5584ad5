package io.eventgateway.domain.dispatch;

/**
 * How many slots of a batch overdue tasks may take while on-time tasks wait: {@code overdueShare x maxTasks}, rounded
 * down, with the fraction carried to the next batch while overdue tasks keep waiting. So a batch gives overdue tasks
 * the floor or the ceiling of their share, and over a run of batches exactly their share: small batches (fewer than
 * {@code 1 / overdueShare} tasks) still serve overdue work now and then instead of starving it.
 *
 * <p>Shares are kept in millionths so the carry does not drift the way repeated floating-point sums would.
 */
final class OverdueShare {

    private static final long ONE = 1_000_000L;

    private final long sharePerMillion;
    private long carry;

    OverdueShare(double share) {
        this.sharePerMillion = Math.round(share * ONE);
    }

    /** The overdue slots of the next batch of {@code maxTasks}; the carry resets whenever nothing is overdue. */
    int slotsFor(int maxTasks, boolean overdueWaiting) {
        if (!overdueWaiting) {
            carry = 0;
            return 0;
        }
        long available = carry + sharePerMillion * maxTasks;
        long slots = Math.min(maxTasks, available / ONE);
        carry = available - slots * ONE;
        return (int) slots;
    }
}
