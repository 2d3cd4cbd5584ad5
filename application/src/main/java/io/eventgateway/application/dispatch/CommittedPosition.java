package io.eventgateway.application.dispatch;

/**
 * A partition's committed position for the orchestrators' group: every offset below {@code offset} is done, and
 * {@code metadata} names completed offsets above it (see the domain's OffsetMetadataCodec); empty when none.
 */
public record CommittedPosition(long offset, String metadata) {

    public CommittedPosition {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        metadata = metadata == null ? "" : metadata;
    }
}
