package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.T0;
import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatchServiceStatusTest {

    private final DispatchHarness h = new DispatchHarness();

    @Test
    void statusNamesTheReplicaAndItsPartitionsInOrder() {
        h.assign(Lane.P20, 2, 0);
        h.assign(Lane.P10, 1);

        OrchestratorStatus.Replica replica = h.service.status().replica();

        assertThat(replica.index()).isZero();
        assertThat(replica.replicas()).isEqualTo(1);
        assertThat(replica.ownedPartitions()).containsExactly(partition(Lane.P10, 1), partition(Lane.P20, 0),
                partition(Lane.P20, 2));
    }

    @Test
    void statusReportsWhatALaneHoldsAndHowFarBehindItIs() {
        h.assign(Lane.P20, 0);
        byte[] value = h.codec.encode(event("e0", Priority.P20, at(60_000)), Lane.P20);
        h.advance(Duration.ofSeconds(3));
        h.poll(Lane.P20, new PolledRecord(new SourcePosition("eg.p20", 0, 0), value, T0.plusSeconds(1)));
        h.service.onLag(Lane.P20, 42);
        h.advance(Duration.ofSeconds(1));

        OrchestratorStatus.LaneStatus lane = h.service.status().lanes().get(Lane.P20);

        assertThat(lane.buffered()).isEqualTo(1);
        assertThat(lane.bytes()).isPositive();
        assertThat(lane.paused()).isFalse();
        assertThat(lane.oldestAgeMs()).isEqualTo(4_000);
        assertThat(lane.pollDelayMs()).isEqualTo(2_000);
        assertThat(lane.lag()).isEqualTo(42);
    }

    @Test
    void anEmptyPollOfAnUnpausedLaneMeansItHasCaughtUp() {
        h.assign(Lane.P20, 0);
        h.advance(Duration.ofSeconds(3));
        h.poll(Lane.P20, h.record(Lane.P20, 0, event("e0", Priority.P20, at(60_000))));
        h.advance(Duration.ofSeconds(2));

        h.poll(Lane.P20);

        assertThat(h.service.status().lanes().get(Lane.P20).pollDelayMs()).isZero();
    }

    @Test
    void leasedTasksAreInFlightNotBuffered() {
        h.assign(Lane.P20, 0);
        h.put(event("e0", Priority.P20, at(60_000)));

        h.fetch(1);

        OrchestratorStatus status = h.service.status();
        assertThat(status.lanes().get(Lane.P20).buffered()).isZero();
        assertThat(status.leases().inFlight()).isEqualTo(1);
        assertThat(status.leases().activeLeases()).isEqualTo(1);
        assertThat(status.memory().usedBytes()).isEqualTo(status.lanes().get(Lane.P20).bytes());
        assertThat(status.memory().budgetBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void metricsHearOfLeasesSloAndResponses() {
        RecordingMetrics metrics = new RecordingMetrics();
        DispatchHarness observed = new DispatchHarness(new TestSettings(), metrics);
        observed.assign(Lane.P30, 0);
        observed.put(event("e0", Priority.P30, at(5_000)));

        observed.ack(observed.fetch(1).tasks().get(0));

        assertThat(metrics.events).containsExactly("slo P30 met", "leased 1", "response ACK");
    }
}
