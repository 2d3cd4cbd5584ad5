package io.eventgateway.adapters.kafka.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaFlowSignalSourceSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"group.id", "enable.auto.commit", "auto.offset.reset"})
    void anExtraPropertyTheSourceOwnsIsRefused(String owned) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaFlowSignalSourceSettings("localhost:9092", Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Map.of(owned, "x")))
                .withMessageContaining(owned);
    }

    @Test
    void aZeroPollTimeoutIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaFlowSignalSourceSettings("localhost:9092", Duration.ZERO,
                        Duration.ofSeconds(5), Map.of()))
                .withMessageContaining("pollTimeout");
    }

    @Test
    void aBlankBootstrapServersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaFlowSignalSourceSettings.defaults(""))
                .withMessageContaining("bootstrapServers");
    }

    @Test
    void missingExtraPropertiesMeanNone() {
        assertThat(new KafkaFlowSignalSourceSettings("localhost:9092", Duration.ofSeconds(1), Duration.ofSeconds(5),
                null).extraConsumerProperties()).isEmpty();
    }
}
