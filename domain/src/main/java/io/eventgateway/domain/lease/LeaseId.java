package io.eventgateway.domain.lease;

/**
 * Names one lease (one batch handed to a processor). The epoch is chosen per run of a replica (its start time, say),
 * so a processor still holding a lease from before a restart cannot extend a new lease that reuses the sequence.
 * Stable string form: {@code replica-epoch-sequence}.
 */
public record LeaseId(int replicaIndex, long epoch, long sequence) {

    public LeaseId {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must be >= 0, was " + replicaIndex);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
    }

    /** {@code replica-epoch-sequence}. */
    public String asString() {
        return replicaIndex + "-" + epoch + "-" + sequence;
    }

    /** Parses {@link #asString()}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static LeaseId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("lease id must not be null");
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("lease id '" + text + "' must have 3 '-'-separated parts");
        }
        try {
            return new LeaseId(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lease id '" + text + "' has a non-numeric part: " + e.getMessage(), e);
        }
    }
}
