package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.dispatch.OrchestratorKafkaSettings;
import io.eventgateway.adapters.kafka.dispatch.ReplicaTopology;
import io.eventgateway.adapters.kafka.dispatch.ResponseConsumerLoop;
import io.eventgateway.application.dispatch.DispatchService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** With {@code test.response-gate=true}, the response consumer hands responses over only while the gate is open. */
@Factory
@Requires(property = "test.response-gate", value = "true")
class GatedResponsesFactory {

    @Singleton
    ResponseGate responseGate() {
        return new ResponseGate();
    }

    @Singleton
    @Replaces(value = ResponseConsumerLoop.class, factory = OrchestratorFactory.class)
    ResponseConsumerLoop gatedResponseConsumerLoop(ReplicaTopology topology, OrchestratorKafkaSettings settings,
            DispatchService service, Clock clock, ResponseGate gate) {
        return new ResponseConsumerLoop(topology.responsePartition(), settings, (responses, readUpTo) -> {
            gate.awaitOpen();
            service.onResponses(responses, readUpTo);
        }, clock);
    }
}
