package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.CommittedPosition;
import io.eventgateway.application.dispatch.SourcePartition;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replica's consumer starts: at the group's committed position of each partition (whoever owned it before
 * committed it), or at the beginning of a partition nothing was ever committed on. Every start is an explicit seek,
 * so {@code auto.offset.reset=none} never has to pick one.
 */
final class StartPositions {

    private StartPositions() {
    }

    /**
     * Assigns {@code partitions} by hand and seeks each one; returns every partition with its committed position,
     * or {@code null} for a partition nothing was committed on (it starts at the beginning). Unmodifiable.
     */
    static Map<SourcePartition, CommittedPosition> assignAndSeek(Consumer<byte[], byte[]> consumer,
            List<SourcePartition> partitions, Duration timeout) {
        Set<TopicPartition> assigned = new LinkedHashSet<>();
        for (SourcePartition partition : partitions) {
            assigned.add(toKafka(partition));
        }
        consumer.assign(assigned);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, timeout);
        Map<SourcePartition, CommittedPosition> positions = new LinkedHashMap<>();
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata position = committed.get(partition);
            if (position == null) {
                consumer.seekToBeginning(List.of(partition));
                positions.put(fromKafka(partition), null);
            } else {
                consumer.seek(partition, position);
                positions.put(fromKafka(partition), new CommittedPosition(position.offset(), position.metadata()));
            }
        }
        // The sink's contract: every assigned partition is a key, null where nothing was committed.
        return Collections.unmodifiableMap(positions);
    }

    static TopicPartition toKafka(SourcePartition partition) {
        return new TopicPartition(partition.topic(), partition.partition());
    }

    static SourcePartition fromKafka(TopicPartition partition) {
        return new SourcePartition(partition.topic(), partition.partition());
    }
}
