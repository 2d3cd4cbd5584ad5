package io.eventgateway.bootstrap.ledger;

import io.eventgateway.bootstrap.files.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A ledger file as read back: its complete entries in file order, and how many lines could not be read (a line torn
 * by a SIGKILL mid-write, at the end or, after a restart, in the middle).
 */
public record LedgerContents(List<LedgerEntry> entries, int unreadableLines) {

    public LedgerContents {
        entries = List.copyOf(entries);
    }

    public static LedgerContents read(Path file) {
        try {
            // The event id comes last, so a torn line may still parse; no ACK followed it either way.
            TextFiles.Parsed<LedgerEntry> parsed = TextFiles.readLines(file,
                    line -> line.isEmpty() || line.startsWith("#"), LedgerEntry::parse);
            return new LedgerContents(parsed.items(), parsed.unreadableLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + file, e);
        }
    }
}
