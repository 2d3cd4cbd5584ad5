package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSink;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.flow.FlowControlPublisher;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.FlowControlConfig;
import io.eventgateway.bootstrap.role.OrchestratorRole;
import io.eventgateway.domain.congestion.CongestionDetector;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The orchestrator's side of flow control: the replica's P10 lane health, judged against the P10 SLO and the
 * configured thresholds, published to the flow-control topic by {@link FlowControlLoop}.
 */
@Factory
@OrchestratorRole
public class FlowControlFactory {

    /**
     * A state older than {@code stale-after} is worth nothing to publishers, so a write gives up then and the next
     * interval sends the current state instead.
     */
    @Singleton
    @Bean(preDestroy = "close")
    KafkaFlowSignalSink flowSignalSink(KafkaClusters clusters, TopicNames names, FlowControlConfig config,
            Clock clock) {
        return new KafkaFlowSignalSink(KafkaWriterSettings.defaults(clusters.primary(), "primary",
                config.staleAfter()), names, clock);
    }

    @Singleton
    FlowControlPublisher flowControlPublisher(ReplicaIdentity identity, DispatchService service, SloPolicy slo,
            FlowControlConfig config, KafkaFlowSignalSink sink, MeterRegistry registry, Clock clock) {
        return new FlowControlPublisher(identity.index(), () -> service.status().lanes().get(Lane.P10),
                new CongestionDetector(config.thresholds(), slo.sloOf(Priority.P10)), sink,
                new MicrometerFlowControlMetrics(registry, identity.index()), clock);
    }
}
