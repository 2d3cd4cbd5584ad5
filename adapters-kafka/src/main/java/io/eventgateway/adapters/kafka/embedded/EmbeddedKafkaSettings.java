package io.eventgateway.adapters.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run an {@link EmbeddedKafkaBroker}.
 *
 * <p>A port of 0 means "pick a free port at start". A null {@code dataDir} means a fresh temporary
 * directory that is deleted on close; a given directory is kept, and a broker started again on it (and on
 * the same broker port) finds the topics and records written before. {@code extraProperties} are broker
 * configs that override the single-node defaults.
 */
public record EmbeddedKafkaSettings(int brokerPort, int controllerPort, Path dataDir,
                                    Map<String, String> extraProperties) {

    private static final int MAX_PORT = 65_535;

    public EmbeddedKafkaSettings {
        requirePort("brokerPort", brokerPort);
        requirePort("controllerPort", controllerPort);
        if (brokerPort != 0 && brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort must differ, both were " + brokerPort);
        }
        extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
    }

    /** Free ports, a temporary data directory, no extra properties. */
    public static EmbeddedKafkaSettings defaults() {
        return new EmbeddedKafkaSettings(0, 0, null, Map.of());
    }

    public EmbeddedKafkaSettings withBrokerPort(int port) {
        return new EmbeddedKafkaSettings(port, controllerPort, dataDir, extraProperties);
    }

    public EmbeddedKafkaSettings withControllerPort(int port) {
        return new EmbeddedKafkaSettings(brokerPort, port, dataDir, extraProperties);
    }

    public EmbeddedKafkaSettings withDataDir(Path dir) {
        return new EmbeddedKafkaSettings(brokerPort, controllerPort, dir, extraProperties);
    }

    public EmbeddedKafkaSettings withExtraProperties(Map<String, String> properties) {
        return new EmbeddedKafkaSettings(brokerPort, controllerPort, dataDir, properties);
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(name + " must be in 0.." + MAX_PORT + ", was " + port);
        }
    }
}
