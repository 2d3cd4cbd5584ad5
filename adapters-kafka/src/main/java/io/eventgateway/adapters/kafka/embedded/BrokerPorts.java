package io.eventgateway.adapters.kafka.embedded;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The client listener port and the KRaft controller port of one broker run; both bound, never 0. */
record BrokerPorts(int broker, int controller) {

    BrokerPorts {
        if (broker <= 0 || controller <= 0 || broker == controller) {
            throw new IllegalArgumentException(
                    "broker and controller ports must be distinct and positive, were " + broker + " and " + controller);
        }
    }

    /** Keeps the ports asked for and replaces each 0 with a free loopback port distinct from the others. */
    static BrokerPorts resolve(int brokerPort, int controllerPort) {
        Set<Integer> fixed = new HashSet<>(List.of(brokerPort, controllerPort));
        fixed.remove(0);
        int needed = (brokerPort == 0 ? 1 : 0) + (controllerPort == 0 ? 1 : 0);
        Iterator<Integer> free = FreePorts.pick(needed, fixed).iterator();
        return new BrokerPorts(brokerPort != 0 ? brokerPort : free.next(), controllerPort != 0 ? controllerPort : free.next());
    }
}
