package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrchestratorAddressTest {

    @Test
    void aListOfHostsAndPortsParsesInOrder() {
        assertThat(OrchestratorAddress.parseList("orchestrator-0:50051, 10.0.0.7:6000,[::1]:7000"))
                .containsExactly(new OrchestratorAddress("orchestrator-0", 50051),
                        new OrchestratorAddress("10.0.0.7", 6000), new OrchestratorAddress("[::1]", 7000));
    }

    @Test
    void anAddressPrintsAsItsGrpcTarget() {
        assertThat(OrchestratorAddress.parse("host:1")).hasToString("host:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "host:", ":50051", "host:port", "host:0", "host:65536", "host:1234567", "",
            "a b:1"})
    void anythingButHostColonPortIsRefused(String text) {
        assertThatThrownBy(() -> OrchestratorAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankEntryInAListIsRefusedNotSkipped() {
        assertThatThrownBy(() -> OrchestratorAddress.parseList("a:1,,b:2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not host:port");
    }
}
