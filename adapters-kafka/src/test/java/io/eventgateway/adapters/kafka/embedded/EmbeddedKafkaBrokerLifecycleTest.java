package io.eventgateway.adapters.kafka.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedKafkaBrokerLifecycleTest {

    @Test
    void aClosedBrokerCannotBeStartedAgain() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults());
        broker.close();

        assertThatIllegalStateException().isThrownBy(broker::start).withMessageContaining("CLOSED");
    }

    @Test
    void thePortIsUnknownBeforeStart() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults());

        assertThatIllegalStateException().isThrownBy(broker::port).withMessageContaining("start()");
    }
}
