package io.eventgateway.bootstrap.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Line files written by appends (the ledger, the accepted-events record), read back as a crash may have left them. */
public final class TextFiles {

    private TextFiles() {
    }

    /** The lines that parsed, in file order, and how many did not (a torn last line among them). */
    public record Parsed<T>(List<T> items, int unreadableLines) {
        public Parsed {
            items = List.copyOf(items);
        }
    }

    /**
     * Reads a line file written by appends that a SIGKILL may cut: a last line without its line break was torn
     * mid-write and counts as unreadable even when what is left of it parses (its append never returned). Lines
     * {@code ignored} says are not entries are skipped; lines {@code parse} refuses are counted.
     */
    public static <T> Parsed<T> readLines(Path file, Predicate<String> ignored, Function<String, Optional<T>> parse)
            throws IOException {
        List<T> items = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean tornTail = !endsWithLineBreak(file);
            String line = reader.readLine();
            while (line != null) {
                String next = reader.readLine();
                if (next == null && tornTail) {
                    unreadable++;
                    break;
                }
                if (!ignored.test(line)) {
                    Optional<T> item = parse.apply(line);
                    if (item.isPresent()) {
                        items.add(item.get());
                    } else {
                        unreadable++;
                    }
                }
                line = next;
            }
        }
        return new Parsed<>(items, unreadable);
    }

    /** True for an empty file too: it has no torn line. */
    public static boolean endsWithLineBreak(Path file) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            if (reader.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, reader.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
