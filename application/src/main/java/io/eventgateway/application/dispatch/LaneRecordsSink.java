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
     * The consumer of {@code lane} was assigned these partitions, with their committed positions (absent for a
     * partition nothing was ever committed on). Called once per assignment, before the first poll hands records over;
     * the returned control pauses partitions that must not be read yet.
     */
    PartitionControl onAssigned(Lane lane, Map<SourcePartition, CommittedPosition> committed);

    /** Records polled from {@code lane}'s partitions, in offset order per partition. */
    PartitionControl onPolled(Lane lane, List<PolledRecord> records);
}
