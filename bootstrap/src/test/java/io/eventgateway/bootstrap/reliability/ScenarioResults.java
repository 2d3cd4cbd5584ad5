package io.eventgateway.bootstrap.reliability;

import io.eventgateway.bootstrap.loadgen.LoadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The numbers of each scenario run, one line each appended to a file under {@code target}, for the report. */
final class ScenarioResults {

    private final Path file;

    ScenarioResults(Path file) {
        this.file = file;
    }

    /** @param load the generated load's report, {@code null} when the scenario sent its own events */
    void add(String scenario, String fault, LoadReport load, ScenarioBooks books, String terms) {
        String line = String.format("scenario %s | %s | sent %s | accepted %d | processed %d | dead-lettered %d"
                        + " | lost %d | duplicates %d | %s%n", scenario, fault, load == null ? "-" : load.sent(),
                books.stored(), books.processed(), books.deadLettered(), books.lost(), books.duplicated(), terms);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
