package io.eventgateway.benchmarks.hotpaths;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.application.dispatch.CompactEvents;
import io.eventgateway.domain.dispatch.DeadlineQueue;
import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.dispatch.QueuedTask;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes the orchestrator holds per buffered event beyond its payload, measured with JOL on the real object graph (not
 * estimated): {@value #EVENTS} polled 300-byte events, each admitted as the dispatch service admits one (the polled
 * bytes kept for processors, the decoded event without its payload, a {@link QueuedTask} in the
 * {@link DeadlineQueue}, and an entry of the held-records index with one held-record object). Prints the measured
 * bytes per event, what the memory budget counts for the same event, and the layout of each part.
 *
 * <p>The held-record object is application-internal; its size is taken from its class layout by name, and the index
 * is modelled as the {@code HashMap<SourcePosition, ...>} it is.
 *
 * <p>Run: {@code java -cp "$(cat benchmarks/hot-paths/target/classpath.txt):benchmarks/hot-paths/target/classes"
 * -Djol.magicFieldOffset=true io.eventgateway.benchmarks.hotpaths.HeldBytesPerEvent}
 */
public final class HeldBytesPerEvent {

    static final int EVENTS = 20_000;
    private static final String HELD_RECORD = "io.eventgateway.application.dispatch.HeldRecord";

    private HeldBytesPerEvent() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
        EventRecord[] events = SampleEvents.generate(EVENTS, 13);
        DeadlineQueue queue = new DeadlineQueue(DispatchSettings.defaults());
        CompactEvents compactEvents = new CompactEvents(1_000);
        Map<SourcePosition, byte[]> heldIndex = new HashMap<>();
        long budgetCounted = 0;
        long payloadBytes = 0;
        for (int i = 0; i < EVENTS; i++) {
            byte[] polled = codec.encode(events[i], Lane.P10);
            EventRecord decoded = compactEvents.compact(codec.decode(polled).record());
            SourcePosition source = new SourcePosition("eg.p10", i & 7, i);
            QueuedTask task = new QueuedTask(source, decoded, decoded.sloDeadline(),
                    CompactEvents.heldBytes(polled.length, decoded));
            queue.offer(task);
            heldIndex.put(source, polled);
            budgetCounted += task.bytes();
            payloadBytes += events[i].payload().size();
        }
        long graph = GraphLayout.parseInstance(queue, heldIndex).totalSize();
        long heldRecordObject = ClassLayout.parseClass(Class.forName(HELD_RECORD)).instanceSize();
        long total = graph + heldRecordObject * EVENTS;
        double perEvent = (double) total / EVENTS;
        double payload = (double) payloadBytes / EVENTS;

        System.out.printf("held bytes per buffered event (JOL, %d events of %.0f payload bytes):%n", EVENTS, payload);
        System.out.printf("  measured total      %8.1f bytes/event%n", perEvent);
        System.out.printf("  beyond the payload  %8.1f bytes/event  (target <= 150)%n", perEvent - payload);
        System.out.printf("  budget counts       %8.1f bytes/event  (CompactEvents.heldBytes: polled + record + structures)%n",
                (double) budgetCounted / EVENTS);
        System.out.printf("  of which: queue + index graph %.1f, held-record object %d%n",
                (double) graph / EVENTS, heldRecordObject);
        System.out.println();
        System.out.println(GraphLayout.parseInstance(queue, heldIndex).toFootprint());
    }
}
