package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.dispatch.LaneConsumerLoop;
import io.eventgateway.domain.priority.Lane;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The replica's lane consumers, one per lane, started and closed together by {@link OrchestratorLoops}. */
public final class LaneConsumers {

    private final Map<Lane, LaneConsumerLoop> loops;

    LaneConsumers(List<LaneConsumerLoop> loops) {
        EnumMap<Lane, LaneConsumerLoop> byLane = new EnumMap<>(Lane.class);
        loops.forEach(loop -> byLane.put(loop.lane(), loop));
        this.loops = Map.copyOf(byLane);
    }

    public LaneConsumerLoop of(Lane lane) {
        return loops.get(lane);
    }

    void start() {
        loops.values().forEach(LaneConsumerLoop::start);
    }

    void close() {
        loops.values().forEach(LaneConsumerLoop::close);
    }
}
