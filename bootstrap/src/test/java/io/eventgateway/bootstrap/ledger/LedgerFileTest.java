package io.eventgateway.bootstrap.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {

    @TempDir
    Path dir;

    private static LedgerEntry entry(String id) {
        return new LedgerEntry(2000, "P10", 0, 1, 1000, 61000, LedgerOutcome.ACK, id);
    }

    @Test
    void anAppendedEntryIsInTheFileWhenAppendReturns() throws IOException {
        Path file = dir.resolve("ledger.csv");
        try (LedgerFile ledger = new LedgerFile(file)) {
            ledger.append(entry("a"));

            assertThat(LedgerContents.read(file).entries()).containsExactly(entry("a"));
        }
    }

    @Test
    void concurrentAppendsAreAllWrittenAsWholeLines() throws Exception {
        Path file = dir.resolve("ledger.csv");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (LedgerFile ledger = new LedgerFile(file)) {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                String id = "event-" + i;
                appends.add(pool.submit(() -> {
                    ledger.append(entry(id));
                    return null;
                }));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdown();
        }

        LedgerContents contents = LedgerContents.read(file);
        assertThat(contents.unreadableLines()).isZero();
        assertThat(contents.entries()).hasSize(5000).extracting(LedgerEntry::eventId).doesNotHaveDuplicates();
    }

    @Test
    void reopeningAfterATornWriteKeepsTheFragmentOnItsOwnLine() throws IOException {
        Path file = dir.resolve("ledger.csv");
        try (LedgerFile ledger = new LedgerFile(file)) {
            ledger.append(entry("a"));
        }
        Files.writeString(file, "2000,P10,0,1,10", StandardOpenOption.APPEND);

        try (LedgerFile ledger = new LedgerFile(file)) {
            ledger.append(entry("b"));
        }

        LedgerContents contents = LedgerContents.read(file);
        assertThat(contents.entries()).extracting(LedgerEntry::eventId).containsExactly("a", "b");
        assertThat(contents.unreadableLines()).isEqualTo(1);
    }

    @Test
    void aLineRoundTripsThroughParse() {
        LedgerEntry entry = new LedgerEntry(5, "P30", 2, 3, 1, 4, LedgerOutcome.FAIL, "id,with,commas");

        assertThat(LedgerEntry.parse(entry.toLine().strip())).contains(entry);
    }
}
