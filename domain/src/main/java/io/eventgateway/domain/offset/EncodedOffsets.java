package io.eventgateway.domain.offset;

/**
 * Completed offsets encoded for Kafka commit metadata.
 *
 * @param keptRanges    the lowest ranges, encoded
 * @param droppedRanges the highest ranges, left out to stay within the byte limit; they will be redelivered
 */
public record EncodedOffsets(String metadata, int keptRanges, int droppedRanges) {

    public EncodedOffsets {
        if (metadata == null) {
            throw new IllegalArgumentException("metadata must not be null (use the empty string)");
        }
        if (keptRanges < 0 || droppedRanges < 0) {
            throw new IllegalArgumentException("range counts must be >= 0");
        }
    }

    public boolean truncated() {
        return droppedRanges > 0;
    }
}
