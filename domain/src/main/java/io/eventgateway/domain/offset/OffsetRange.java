package io.eventgateway.domain.offset;

/** The offsets {@code first..last}, both inclusive. */
public record OffsetRange(long first, long last) {

    public OffsetRange {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, was " + first);
        }
        if (last < first) {
            throw new IllegalArgumentException("last must be >= first (" + first + "), was " + last);
        }
    }

    public static OffsetRange single(long offset) {
        return new OffsetRange(offset, offset);
    }

    public long size() {
        return last - first + 1;
    }

    public boolean contains(long offset) {
        return offset >= first && offset <= last;
    }
}
