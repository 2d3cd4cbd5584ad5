package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.grpc.BindableService;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The orchestrator role's beans, and the startup checks that fail with one clear line. */
class OrchestratorStartupTest {

    private final String servers = SharedKafkaBroker.bootstrapServers();

    @Test
    void theOrchestratorRoleHasDispatchConsumersLoopsFlowControlAndTheTasksServiceButNoIngest() {
        String prefix = TestTopics.unique("beans") + ".";
        OrchestratorTopics.apply(servers, prefix);
        try (RunningOrchestrator orchestrator = RunningOrchestrator.start(servers, prefix, Map.of())) {
            assertThat(orchestrator.bean(DispatchService.class)).isNotNull();
            assertThat(orchestrator.bean(LaneConsumers.class)).isNotNull();
            assertThat(orchestrator.bean(OrchestratorLoops.class).isFenced()).isFalse();
            assertThat(orchestrator.bean(OrchestratorStatusController.class)).isNotNull();
            assertThat(orchestrator.bean(FlowControlLoop.class)).isNotNull();
            assertThat(orchestrator.bean(ApplicationContext.class)
                    .getBeansOfType(BindableService.class)).hasSize(1);
            assertThat(orchestrator.bean(ApplicationContext.class)
                    .containsBean(PublishEventsUseCase.class)).isFalse();
        }
    }

    @Test
    void aPublisherOnlyProcessHasNoDispatch() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environments("publisher")
                .properties(Map.of("kafka.bootstrap.servers", servers, "grpc.server.port", -1,
                        "micronaut.server.port", -1))
                .start()) {
            assertThat(context.containsBean(DispatchService.class)).isFalse();
            assertThat(context.containsBean(OrchestratorLoops.class)).isFalse();
            assertThat(context.containsBean(OrchestratorStatusController.class)).isFalse();
            assertThat(context.containsBean(FlowControlLoop.class)).isFalse();
        }
    }

    @Test
    void missingTopicsFailStartupNamingThem() {
        rootCauseOfStarting(TestTopics.unique("missing") + ".", Map.of())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("topic layout does not fit orchestrator replica 0 of 1")
                .hasMessageContaining("missing topics")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void moreReplicasThanPartitionsFailStartup() {
        String prefix = TestTopics.unique("toofew") + ".";
        OrchestratorTopics.apply(servers, prefix);

        rootCauseOfStarting(prefix, Map.of("eventgateway.topics.orchestrator-replicas", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fewer than the 3 replicas");
    }

    @Test
    void anIndexOutOfRangeFailsStartup() {
        String prefix = TestTopics.unique("index") + ".";
        OrchestratorTopics.apply(servers, prefix);

        rootCauseOfStarting(prefix, Map.of("eventgateway.orchestrator.index", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replica index 2 is out of range for 1 replicas");
    }

    @Test
    void aBudgetTheHeapCannotHoldFailsStartupWithTheNumbers() {
        String prefix = TestTopics.unique("heap") + ".";
        OrchestratorTopics.apply(servers, prefix);

        rootCauseOfStarting(prefix, Map.of("eventgateway.orchestrator.memory-budget-bytes",
                Runtime.getRuntime().maxMemory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not fit the heap")
                .hasMessageContaining("budget " + Runtime.getRuntime().maxMemory() + " bytes");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> rootCauseOfStarting(String prefix,
            Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(RunningOrchestrator.properties(servers, prefix, 0, 1));
        properties.putAll(overrides);
        return assertThatThrownBy(() -> GatewayRuntime.start(new LaunchOptions(RoleSet.parse("orchestrator"), false,
                null, properties)).close()).rootCause();
    }
}
