package io.eventgateway.bootstrap.ledger;

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

/**
 * A ledger file as read back: its complete entries in file order, and how many lines could not be read (a line torn
 * by a SIGKILL mid-write, at the end or, after a restart, in the middle).
 */
public record LedgerContents(List<LedgerEntry> entries, int unreadableLines) {

    public LedgerContents {
        entries = List.copyOf(entries);
    }

    public static LedgerContents read(Path file) {
        List<LedgerEntry> entries = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // A last line without its line break was torn mid-write, even when what is left of it parses (the event
            // id comes last and may have been cut short); its append never returned, so no ACK followed it.
            boolean tornTail = !TextFiles.endsWithLineBreak(file);
            String line = reader.readLine();
            while (line != null) {
                String next = reader.readLine();
                if (next == null && tornTail) {
                    unreadable++;
                    break;
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    line = next;
                    continue;
                }
                Optional<LedgerEntry> entry = LedgerEntry.parse(line);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                } else {
                    unreadable++;
                }
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
        return new LedgerContents(entries, unreadable);
    }
}
