package io.eventgateway.adapters.kafka.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerPortsTest {

    @Test
    void portsAskedForAreKept() {
        assertThat(BrokerPorts.resolve(19092, 19093)).isEqualTo(new BrokerPorts(19092, 19093));
    }

    @Test
    void zeroPortsBecomeDistinctFreePorts() {
        BrokerPorts ports = BrokerPorts.resolve(0, 0);

        assertThat(ports.broker()).isPositive().isNotEqualTo(ports.controller());
        assertThat(ports.controller()).isPositive();
    }

    @Test
    void aFreeControllerPortNeverEqualsTheFixedBrokerPort() {
        BrokerPorts ports = BrokerPorts.resolve(19092, 0);

        assertThat(ports.broker()).isEqualTo(19092);
        assertThat(ports.controller()).isNotEqualTo(19092);
    }

    @Test
    void theSamePortForBothListenersIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BrokerPorts(19092, 19092));
    }
}
