package io.eventgateway.domain.offset;

/**
 * What to commit for one partition: the position (every offset below it is done) and metadata naming completed
 * offsets above it.
 *
 * @param droppedRanges completed ranges that did not fit the metadata limit; a restart redelivers them
 */
public record OffsetCommit(long offset, String metadata, int droppedRanges) {

    public OffsetCommit {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (metadata == null) {
            throw new IllegalArgumentException("metadata must not be null (use the empty string)");
        }
        if (droppedRanges < 0) {
            throw new IllegalArgumentException("droppedRanges must be >= 0, was " + droppedRanges);
        }
    }

    public boolean truncated() {
        return droppedRanges > 0;
    }
}
