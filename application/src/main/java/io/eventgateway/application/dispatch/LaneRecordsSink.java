package io.eventgateway.application.dispatch;

import io.eventgateway.domain.priority.Lane;
import java.util.List;
import java.util.Map;

/**
 * Inbound port for lane consumers (one Kafka consumer per lane, on its own thread): they hand over what they
 * assigned and what they polled, and apply the pause/resume sets they get back. Implementations are thread-safe.
 */
public interface LaneRecordsSink {

    /**
     * The consumer of {@code lane} was assigned these partitions, with their committed positions. Every assigned
     * partition is a key; its value is {@code null} when nothing was ever committed on it (use a map that allows null
     * values). Called once per assignment, before the first poll hands records over; the returned control pauses
     * partitions that must not be read yet.
     */
    PartitionControl onAssigned(Lane lane, Map<SourcePartition, CommittedPosition> committed);

    /**
     * Records polled from {@code lane}'s partitions, in offset order per partition. Call it after every poll, an empty
     * one too: pauses and resumes decided since the last call (memory freed by ACKs, say) arrive in the answer.
     */
    PartitionControl onPolled(Lane lane, List<PolledRecord> records);

    /**
     * How many records of {@code lane} are not yet polled (end offsets minus positions, over its partitions), for
     * status and alerts. Optional: a consumer that cannot tell does not call it.
     */
    default void onLag(Lane lane, long lag) {
    }
}
