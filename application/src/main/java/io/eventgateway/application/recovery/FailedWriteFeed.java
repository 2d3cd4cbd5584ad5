package io.eventgateway.application.recovery;

import java.util.List;
import java.util.OptionalLong;

/**
 * The failed-writes topic of the alternate cluster as the recovery role consumes it: in consumer-group order, with
 * positions committed only when the role says so, so a record is never skipped before the primary acked it.
 */
public interface FailedWriteFeed {

    /** The next records, waiting at most the adapter's poll timeout; empty when there are none (or none yet). */
    List<FailedWrite> poll();

    /**
     * Commits past every record of {@code batch}.
     *
     * @throws RedriveFailedException when the commit fails; the batch is then redriven again
     */
    void commit(List<FailedWrite> batch);

    /** Moves back to the first record of {@code batch} in each of its partitions, so the next poll reads it again. */
    void rewind(List<FailedWrite> batch);

    /** Records not yet committed in the partitions this consumer holds; empty when it cannot be measured now. */
    OptionalLong pending();
}
