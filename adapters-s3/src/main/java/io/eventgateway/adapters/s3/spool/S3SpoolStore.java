package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.SpoolStore;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.StoredRecordCodec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The S3 link of the fallback chain: each batch becomes one object, {@code <prefix>yyyy/MM/dd/HH/<millis>-<uuid>.pb},
 * holding every record in the codec's bytes, each behind its length as a protobuf varint (the
 * {@code writeDelimitedTo} format), with its record count in the object metadata.
 *
 * <p>Puts run on the store's own small pool: the sync S3 client blocks, and the publisher's threads must not. The
 * pool's queue is bounded in batches; a batch that finds it full fails at once with
 * {@link SpoolUnavailableException}. Records are encoded on the writer thread, so a queued batch holds only the
 * records the publisher already counts as in flight. A future completes with the object's location only after
 * PutObject returned; any failure, including close abandoning a queued batch, fails it.
 */
public final class S3SpoolStore implements SpoolStore, AutoCloseable {

    private static final String CONTENT_TYPE = "application/octet-stream";
    /** User metadata with the number of records, so a reader can tell a cut-short object from a complete one. */
    static final String RECORD_COUNT_METADATA = "record-count";

    private final S3Client s3;
    private final SpoolBucket bucket;
    private final SpoolKeys keys;
    private final StoredRecordCodec codec;
    private final Clock clock;
    private final SpoolWriterSettings writerSettings;
    private final ThreadPoolExecutor writers;

    private S3SpoolStore(S3Client s3, SpoolBucket bucket, S3SpoolSettings settings, StoredRecordCodec codec,
            Clock clock, SpoolWriterSettings writerSettings) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keys = new SpoolKeys(settings.keyPrefix());
        this.codec = codec;
        this.clock = clock;
        this.writerSettings = writerSettings;
        this.writers = new ThreadPoolExecutor(writerSettings.threads(), writerSettings.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(writerSettings.queueCapacity()),
                writerThreads(bucket.name()), new ThreadPoolExecutor.AbortPolicy());
    }

    /** {@link #open(S3Client, S3SpoolSettings, StoredRecordCodec, Clock, SpoolWriterSettings)} with default bounds. */
    public static S3SpoolStore open(S3Client s3, S3SpoolSettings settings, StoredRecordCodec codec, Clock clock) {
        return open(s3, settings, codec, clock, SpoolWriterSettings.defaults());
    }

    /**
     * Checks the bucket (creating it when the settings allow and it is missing) and starts the writers. The client
     * stays the caller's: closing the store does not close it.
     *
     * @throws SpoolUnavailableException naming the bucket and endpoint when the bucket is missing or unreachable
     */
    public static S3SpoolStore open(S3Client s3, S3SpoolSettings settings, StoredRecordCodec codec, Clock clock,
            SpoolWriterSettings writerSettings) {
        if (s3 == null || settings == null || codec == null || clock == null || writerSettings == null) {
            throw new IllegalArgumentException("s3, settings, codec, clock and writerSettings are all required");
        }
        SpoolBucket bucket = new SpoolBucket(s3, settings.bucket());
        bucket.ensureExists(settings.createBucket());
        return new S3SpoolStore(s3, bucket, settings, codec, clock, writerSettings);
    }

    @Override
    public CompletableFuture<StoredLocation> writeBatch(List<LaneWrite> writes) {
        if (writes == null || writes.isEmpty()) {
            throw new IllegalArgumentException("a spool batch holds at least one write");
        }
        SpoolWrite write = new SpoolWrite(List.copyOf(writes));
        try {
            writers.execute(write);
        } catch (RejectedExecutionException rejected) {
            return CompletableFuture.failedFuture(writers.isShutdown()
                    ? bucket.refused("the spool store is closed", rejected)
                    : bucket.refused("the spool writer queue is full (" + writerSettings.queueCapacity()
                            + " batches wait for " + writerSettings.threads() + " writers)", rejected));
        }
        return write.result;
    }

    /** Batches waiting for a writer thread, for a gauge of how close the queue is to its bound. */
    public int queuedBatches() {
        return writers.getQueue().size();
    }

    /**
     * Stops taking batches and lets the queued ones finish for up to the drain timeout; those still waiting then,
     * and the ones being written, fail. Idempotent.
     */
    @Override
    public void close() {
        writers.shutdown();
        try {
            if (!writers.awaitTermination(writerSettings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                abandonQueued();
            }
        } catch (InterruptedException interrupted) {
            abandonQueued();
            Thread.currentThread().interrupt();
        }
    }

    private void abandonQueued() {
        for (Runnable queued : writers.shutdownNow()) {
            ((SpoolWrite) queued).abandon();
        }
    }

    private StoredLocation put(List<LaneWrite> batch) {
        List<byte[]> encoded = new ArrayList<>(batch.size());
        for (LaneWrite write : batch) {
            encoded.add(codec.encode(write.record(), write.lane()));
        }
        byte[] body = DelimitedFraming.frame(encoded);
        String key = keys.keyFor(clock.instant(), UUID.randomUUID());
        try {
            s3.putObject(put -> put.bucket(bucket.name())
                            .key(key)
                            .contentType(CONTENT_TYPE)
                            .contentLength((long) body.length)
                            .metadata(Map.of(RECORD_COUNT_METADATA, Integer.toString(batch.size()))),
                    RequestBody.fromContentProvider(ContentStreamProvider.fromByteArrayUnsafe(body), body.length,
                            CONTENT_TYPE));
        } catch (SdkException | UncheckedIOException e) {
            throw bucket.unavailable("put spool object " + key + " (" + batch.size() + " records)", e);
        }
        return new StoredLocation.Spool(bucket.name(), key);
    }

    private static ThreadFactory writerThreads(String bucketName) {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "s3-spool-writer-" + bucketName + "-" + created.incrementAndGet());
            // Writers must not keep a stopping JVM alive; close() is what drains them.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One batch on its way to S3, with the future its caller holds. */
    private final class SpoolWrite implements Runnable {

        private final List<LaneWrite> batch;
        private final CompletableFuture<StoredLocation> result = new CompletableFuture<>();

        SpoolWrite(List<LaneWrite> batch) {
            this.batch = batch;
        }

        @Override
        public void run() {
            try {
                result.complete(put(batch));
            } catch (RuntimeException failure) {
                result.completeExceptionally(failure);
            } catch (Error fatal) {
                result.completeExceptionally(fatal);
                throw fatal;
            }
        }

        void abandon() {
            result.completeExceptionally(bucket.refused("the spool store closed before this batch of "
                    + batch.size() + " records was written", null));
        }
    }
}
