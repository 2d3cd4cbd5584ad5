package io.eventgateway.bootstrap.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every scenario run's row, one JSON object a line appended to {@code target/reliability/results.jsonl}, which the
 * long form renders into {@code docs/reliability.md}.
 */
final class ScenarioResults {

    static final ScenarioResults SHARED = new ScenarioResults(Path.of("target", "reliability", "results.jsonl"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    ScenarioResults(Path file) {
        this.file = file;
    }

    synchronized void add(ScenarioRow row) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(row.toJson()) + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
