package io.eventgateway.adapters.kafka.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControllerPortFileTest {

    @Test
    void aFreshDataDirRemembersNoPort(@TempDir Path dataDir) {
        assertThat(ControllerPortFile.read(dataDir)).isEmpty();
    }

    @Test
    void aWrittenPortIsReadBack(@TempDir Path dataDir) {
        ControllerPortFile.write(dataDir, 40_123);

        assertThat(ControllerPortFile.read(dataDir)).hasValue(40_123);
    }

    @Test
    void aCorruptFileFailsNamingTheFile(@TempDir Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve(ControllerPortFile.NAME), "not-a-port");

        assertThatThrownBy(() -> ControllerPortFile.read(dataDir))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining(ControllerPortFile.NAME);
    }
}
