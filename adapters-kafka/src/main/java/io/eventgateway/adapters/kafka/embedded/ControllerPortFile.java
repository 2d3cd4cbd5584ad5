package io.eventgateway.adapters.kafka.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Remembers, in the data dir, the controller port a broker on that dir last used. A restart that asks for
 * a free controller port reuses it: a restarted controller under a new endpoint first rejects its own
 * registration (logged as an error) before it settles, while the fault tests restart with only the broker
 * port and data dir in hand.
 */
final class ControllerPortFile {

    static final String NAME = "embedded-controller.port";

    private ControllerPortFile() {
    }

    /** The remembered port, or empty when no broker has run on this dir yet. */
    static OptionalInt read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            throw new EmbeddedKafkaException("cannot read the controller port from " + file, e);
        }
    }

    static void write(Path dataDir, int port) {
        Path file = dataDir.resolve(NAME);
        try {
            Files.writeString(file, String.valueOf(port));
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot write the controller port to " + file, e);
        }
    }
}
