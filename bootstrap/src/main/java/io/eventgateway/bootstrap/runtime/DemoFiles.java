package io.eventgateway.bootstrap.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where {@code --demo} keeps its record of stored events and the handler's ledger: {@code DATA_DIR/demo/} with a
 * data directory (kept), else a temporary directory deleted when the runtime closes.
 */
record DemoFiles(Path directory, boolean temporary) {

    static DemoFiles under(Path dataDir) {
        try {
            if (dataDir != null) {
                return new DemoFiles(Files.createDirectories(dataDir.resolve("demo")), false);
            }
            return new DemoFiles(Files.createTempDirectory("eventgateway-demo-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo directory", e);
        }
    }

    Path ledger() {
        return directory.resolve("ledger.csv");
    }

    Path record() {
        return directory.resolve("stored.csv");
    }

    void deleteIfTemporary() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo directory " + directory, e);
        }
    }
}
