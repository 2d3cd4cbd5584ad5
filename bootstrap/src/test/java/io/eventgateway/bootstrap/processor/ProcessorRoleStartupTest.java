package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A processor process that cannot work refuses to start with one message that names the key to set. */
class ProcessorRoleStartupTest {

    private static LaunchOptions processorWith(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("micronaut.server.port", -1,
                "kafka.health.enabled", false,
                GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers()));
        properties.putAll(overrides);
        return new LaunchOptions(RoleSet.parse("processor"), false, null, properties);
    }

    @Test
    void aProcessorWithoutOrchestratorsAndWithoutTheOrchestratorRoleNamesTheKey() {
        assertThatThrownBy(() -> GatewayRuntime.start(processorWith(Map.of())).close())
                .hasMessageStartingWith("eventgateway.processor.orchestrators (--orchestrators host:port,...) is "
                        + "required");
    }

    @Test
    void anUnknownHandlerNamesTheKey() {
        assertThatThrownBy(() -> GatewayRuntime.start(processorWith(Map.of(
                "eventgateway.processor.orchestrators", "127.0.0.1:1",
                "eventgateway.processor.handler", "nope"))).close())
                .hasMessageStartingWith("eventgateway.processor.handler: unknown handler 'nope'");
    }

    @Test
    void aBadOrchestratorAddressInConfigurationNamesTheKey() {
        assertThatThrownBy(() -> GatewayRuntime.start(processorWith(Map.of(
                "eventgateway.processor.orchestrators", "127.0.0.1"))).close())
                .hasMessage("eventgateway.processor.orchestrators: '127.0.0.1' is not host:port");
    }
}
