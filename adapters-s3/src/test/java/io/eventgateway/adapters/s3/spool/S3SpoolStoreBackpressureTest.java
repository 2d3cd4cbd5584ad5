package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer pool's bounds, made deterministic by a codec that holds the writer thread until the test opens a gate.
 */
class S3SpoolStoreBackpressureTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final SpoolWriterSettings ONE_WRITER_ONE_SLOT =
            new SpoolWriterSettings(1, 1, Duration.ofSeconds(30));

    private static SpoolS3 s3;

    private final GatedCodec codec = new GatedCodec();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123Z"));

    @BeforeAll
    static void startServer() {
        s3 = SpoolS3.start();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @Test
    void aBatchThatFindsTheQueueFullFailsAtOnceWhileQueuedBatchesStillComplete() throws InterruptedException {
        try (S3SpoolStore store = S3SpoolStore.open(s3.client(), s3.newBucket(), codec, clock, ONE_WRITER_ONE_SLOT)) {
            CompletableFuture<StoredLocation> writing = store.writeBatch(SpoolRecords.writes(1));
            codec.awaitWriterHeld();
            CompletableFuture<StoredLocation> queued = store.writeBatch(SpoolRecords.writes(1));

            CompletableFuture<StoredLocation> overflow = store.writeBatch(SpoolRecords.writes(1));

            assertThat(store.queuedBatches()).isEqualTo(1);
            assertThat(overflow).isCompletedExceptionally();
            assertThat(overflow).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                    .isInstanceOf(SpoolUnavailableException.class)
                    .withMessageContaining("queue is full");
            codec.open();
            assertThat(writing).succeedsWithin(BOUND);
            assertThat(queued).succeedsWithin(BOUND);
        }
    }

    @Test
    void closingWaitsForQueuedBatchesWithinTheDrainTimeout() throws InterruptedException {
        S3SpoolStore store = S3SpoolStore.open(s3.client(), s3.newBucket(), codec, clock, ONE_WRITER_ONE_SLOT);
        CompletableFuture<StoredLocation> writing = store.writeBatch(SpoolRecords.writes(1));
        codec.awaitWriterHeld();
        CompletableFuture<StoredLocation> queued = store.writeBatch(SpoolRecords.writes(1));
        codec.open();

        store.close();

        assertThat(writing).isCompleted().isNotCompletedExceptionally();
        assertThat(queued).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void closingPastTheDrainTimeoutFailsTheBatchesLeftBehind() throws InterruptedException {
        SpoolWriterSettings shortDrain = new SpoolWriterSettings(1, 1, Duration.ofMillis(50));
        S3SpoolStore store = S3SpoolStore.open(s3.client(), s3.newBucket(), codec, clock, shortDrain);
        CompletableFuture<StoredLocation> writing = store.writeBatch(SpoolRecords.writes(1));
        codec.awaitWriterHeld();
        CompletableFuture<StoredLocation> queued = store.writeBatch(SpoolRecords.writes(1));

        store.close();

        assertThat(queued).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(SpoolUnavailableException.class)
                .withMessageContaining("closed before this batch");
        assertThat(writing).failsWithin(BOUND);
    }

    @Test
    void aBatchWrittenAfterCloseFailsAtOnce() {
        S3SpoolStore store = S3SpoolStore.open(s3.client(), s3.newBucket(), codec, clock, ONE_WRITER_ONE_SLOT);
        store.close();

        CompletableFuture<StoredLocation> late = store.writeBatch(SpoolRecords.writes(1));

        assertThat(late).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(SpoolUnavailableException.class)
                .withMessageContaining("closed");
    }

    /** Encodes on the writer thread only once the gate is open; tells the test when a writer is waiting. */
    private static final class GatedCodec implements StoredRecordCodec {

        private final StoredRecordCodec delegate = new FieldByFieldCodec();
        private final CountDownLatch writerHeld = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        void awaitWriterHeld() throws InterruptedException {
            assertThat(writerHeld.await(BOUND.toMillis(), TimeUnit.MILLISECONDS))
                    .as("a writer reached the codec").isTrue();
        }

        void open() {
            gate.countDown();
        }

        @Override
        public byte[] encode(EventRecord record, Lane lane) {
            writerHeld.countDown();
            try {
                if (!gate.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at the gate", interrupted);
            }
            return delegate.encode(record, lane);
        }

        @Override
        public DecodedRecord decode(byte[] bytes) {
            return delegate.decode(bytes);
        }
    }
}
