package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.CommittedPosition;
import io.eventgateway.application.dispatch.LaneRecordsSink;
import io.eventgateway.application.dispatch.PartitionControl;
import io.eventgateway.application.dispatch.PolledRecord;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lane sink that records what it is handed and answers with controls the test queues: the next queued control
 * answers the next call (assign or poll), {@link PartitionControl#NONE} when none is queued.
 */
final class RecordingLaneSink implements LaneRecordsSink {

    final List<PolledRecord> records = new CopyOnWriteArrayList<>();
    final AtomicReference<Map<SourcePartition, CommittedPosition>> assigned = new AtomicReference<>();
    final AtomicInteger polls = new AtomicInteger();
    final AtomicLong lastLag = new AtomicLong(-1);
    /** Calls of onPolled still to fail, to test that the loop hands the same records over again. */
    final AtomicInteger failuresToThrow = new AtomicInteger();
    private final Queue<PartitionControl> controls = new ConcurrentLinkedQueue<>();

    void answerNext(PartitionControl control) {
        controls.add(control);
    }

    @Override
    public PartitionControl onAssigned(Lane lane, Map<SourcePartition, CommittedPosition> committed) {
        // A copy that keeps the null values the contract allows.
        assigned.set(Collections.unmodifiableMap(new HashMap<>(committed)));
        return nextControl();
    }

    @Override
    public PartitionControl onPolled(Lane lane, List<PolledRecord> polled) {
        if (!polled.isEmpty() && failuresToThrow.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the test sink fails on purpose");
        }
        records.addAll(polled);
        polls.incrementAndGet();
        return nextControl();
    }

    @Override
    public void onLag(Lane lane, long lag) {
        lastLag.set(lag);
    }

    /** The values read from one partition, in the order handed over. */
    List<String> valuesOf(String topic, int partition) {
        List<String> values = new ArrayList<>();
        for (PolledRecord record : records) {
            if (record.source().topic().equals(topic) && record.source().partition() == partition) {
                values.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    List<Long> offsetsOf(String topic, int partition) {
        List<Long> offsets = new ArrayList<>();
        for (PolledRecord record : records) {
            if (record.source().topic().equals(topic) && record.source().partition() == partition) {
                offsets.add(record.source().offset());
            }
        }
        return offsets;
    }

    private PartitionControl nextControl() {
        PartitionControl next = controls.poll();
        return next == null ? PartitionControl.NONE : next;
    }
}
