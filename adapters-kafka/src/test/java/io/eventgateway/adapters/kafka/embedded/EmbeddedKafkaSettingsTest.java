package io.eventgateway.adapters.kafka.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedKafkaSettingsTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void aPortOutsideTheTcpRangeIsRejected(int port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedKafkaSettings.defaults().withBrokerPort(port))
                .withMessageContaining("brokerPort");
    }

    @Test
    void theSameFixedPortForBrokerAndControllerIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EmbeddedKafkaSettings(9092, 9092, null, Map.of()))
                .withMessageContaining("must differ");
    }

    @Test
    void defaultsPickFreePortsAndATemporaryDataDir() {
        EmbeddedKafkaSettings defaults = EmbeddedKafkaSettings.defaults();

        assertThat(defaults.brokerPort()).isZero();
        assertThat(defaults.controllerPort()).isZero();
        assertThat(defaults.dataDir()).isNull();
        assertThat(defaults.extraProperties()).isEmpty();
    }

    @Test
    void extraPropertiesAreCopiedSoLaterChangesToTheSourceMapDoNotLeakIn() {
        Map<String, String> source = new HashMap<>(Map.of("num.io.threads", "2"));
        EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.defaults().withExtraProperties(source);

        source.put("num.network.threads", "1");

        assertThat(settings.extraProperties()).containsOnlyKeys("num.io.threads");
    }

    @Test
    void withersChangeOnlyTheirOwnField() {
        EmbeddedKafkaSettings settings = EmbeddedKafkaSettings.defaults()
                .withBrokerPort(19092).withControllerPort(19093).withDataDir(Path.of("/data/kafka"));

        assertThat(settings).isEqualTo(new EmbeddedKafkaSettings(19092, 19093, Path.of("/data/kafka"), Map.of()));
    }
}
