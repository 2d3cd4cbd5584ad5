package io.eventgateway.bootstrap.ledger;

import io.eventgateway.bootstrap.files.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends ledger entries to a file and returns only once the entry reached the operating system (a {@code write}
 * call, no {@code fsync}): a SIGKILL of this process then cannot lose it, a power cut can.
 *
 * <p>Group commit: concurrent appenders queue their lines and whichever holds the write lock writes every queued line
 * in one call, so handlers running in parallel share system calls instead of queuing for one each.
 *
 * <p>After a failed write every later append fails too: the failed batch held other appenders' lines.
 *
 * <p>A file left with a torn last line (the previous process died mid-write) gets a line break first, so the torn
 * fragment stays a line of its own that readers skip.
 */
public final class LedgerFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final Object queueLock = new Object();
    private final Object writeLock = new Object();
    private List<byte[]> queued = new ArrayList<>();
    private long enqueued;
    private long written;
    private IOException broken;

    public LedgerFile(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean fresh = !Files.exists(path) || Files.size(path) == 0;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                writeFully(ByteBuffer.wrap((LedgerEntry.HEADER + "\n").getBytes(StandardCharsets.UTF_8)));
            } else if (!TextFiles.endsWithLineBreak(path)) {
                writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Returns once {@code entry} (and every entry queued with it) was handed to the operating system. */
    public void append(LedgerEntry entry) throws IOException {
        byte[] line = entry.toLine().getBytes(StandardCharsets.UTF_8);
        long ticket;
        synchronized (queueLock) {
            queued.add(line);
            ticket = ++enqueued;
        }
        synchronized (writeLock) {
            if (written >= ticket) {
                return;
            }
            if (broken != null) {
                throw new IOException("the ledger " + path + " failed an earlier write", broken);
            }
            List<byte[]> batch;
            long last;
            synchronized (queueLock) {
                batch = queued;
                queued = new ArrayList<>();
                last = enqueued;
            }
            int size = 0;
            for (byte[] bytes : batch) {
                size += bytes.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            batch.forEach(buffer::put);
            buffer.flip();
            try {
                writeFully(buffer);
            } catch (IOException e) {
                // The lines of everyone queued in this batch are lost with it, and a partial write may sit in the
                // file: no later append may report success.
                broken = e;
                throw e;
            }
            written = last;
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            channel.close();
        }
    }
}
