package io.eventgateway.domain.offset;

/** What {@link OffsetTracker#onPolled(long)} says about a record just read. */
public enum PolledOffset {
    /** New work: the offset is tracked until {@link OffsetTracker#markDone(long)}. */
    TRACKED,
    /** Completed before a restart (from the commit metadata): skip the record, it is already done. */
    ALREADY_DONE
}
