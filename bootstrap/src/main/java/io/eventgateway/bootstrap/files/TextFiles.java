package io.eventgateway.bootstrap.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Line-file helpers shared by the ledger and the accepted-events record. */
public final class TextFiles {

    private TextFiles() {
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
