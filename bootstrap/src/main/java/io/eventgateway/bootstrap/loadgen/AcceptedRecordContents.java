package io.eventgateway.bootstrap.loadgen;

import io.eventgateway.bootstrap.files.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** An accepted-events record as read back, skipping (and counting) lines that are not complete records. */
public record AcceptedRecordContents(List<AcceptedEvent> events, int unreadableLines) {

    public AcceptedRecordContents {
        events = List.copyOf(events);
    }

    public static AcceptedRecordContents read(Path file) {
        try {
            TextFiles.Parsed<AcceptedEvent> parsed = TextFiles.readLines(file, String::isEmpty, AcceptedEvent::parse);
            return new AcceptedRecordContents(parsed.items(), parsed.unreadableLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record " + file, e);
        }
    }
}
