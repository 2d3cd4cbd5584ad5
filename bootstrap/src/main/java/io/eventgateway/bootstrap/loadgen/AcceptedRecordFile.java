package io.eventgateway.bootstrap.loadgen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the accepted-events record, one {@link AcceptedEvent} line per stored event; thread-safe. */
public final class AcceptedRecordFile implements AutoCloseable {

    private final Path path;
    private final BufferedWriter writer;

    public AcceptedRecordFile(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public synchronized void write(AcceptedEvent event) {
        try {
            writer.write(event.toLine());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + path, e);
        }
    }

    /** Hands what was written so far to the operating system, so a reader of the file sees it. */
    public synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the record file " + path, e);
        }
    }
}
