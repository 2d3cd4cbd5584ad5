package io.eventgateway.bootstrap.loadgen;

import io.eventgateway.bootstrap.files.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An accepted-events record as read back, skipping (and counting) lines that are not complete records. */
public record AcceptedRecordContents(List<AcceptedEvent> events, int unreadableLines) {

    public AcceptedRecordContents {
        events = List.copyOf(events);
    }

    public static AcceptedRecordContents read(Path file) {
        List<AcceptedEvent> events = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // A last line without its line break was cut by a crash; what is left of it may still parse.
            boolean tornTail = !TextFiles.endsWithLineBreak(file);
            String line = reader.readLine();
            while (line != null) {
                String next = reader.readLine();
                if (next == null && tornTail) {
                    unreadable++;
                    break;
                }
                if (!line.isEmpty()) {
                    Optional<AcceptedEvent> event = AcceptedEvent.parse(line);
                    if (event.isPresent()) {
                        events.add(event.get());
                    } else {
                        unreadable++;
                    }
                }
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record " + file, e);
        }
        return new AcceptedRecordContents(events, unreadable);
    }
}
