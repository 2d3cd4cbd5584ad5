package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.StoredLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S3 going away: every failure is bounded by the client's call timeout and names where it tried to write. */
class S3SpoolOutageTest {

    /** The client gives up after {@link SpoolS3#API_CALL_TIMEOUT}; this only guards against a hang. */
    private static final Duration BOUND = SpoolS3.API_CALL_TIMEOUT.multipliedBy(3);

    private final FieldByFieldCodec codec = new FieldByFieldCodec();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:15:30.123Z"));
    private SpoolS3 s3;
    private S3SpoolSettings settings;

    @BeforeEach
    void startServer() {
        s3 = SpoolS3.start();
        settings = s3.newBucket();
    }

    @AfterEach
    void stopServer() {
        s3.close();
    }

    @Test
    void givenTheServerIsDown_whenABatchIsWritten_thenTheFutureFailsNamingBucketAndEndpoint() {
        try (S3SpoolStore store = S3SpoolStore.open(s3.client(), settings, codec, clock)) {
            s3.stopServer();

            CompletableFuture<StoredLocation> written = store.writeBatch(SpoolRecords.writes(5));

            assertThat(written).failsWithin(BOUND)
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(SpoolUnavailableException.class)
                    .withMessageContaining(settings.bucket())
                    .withMessageContaining(s3.endpoint());
        }
    }

    @Test
    void givenTheServerWentDownAfterAWrite_whenAnotherBatchIsWritten_thenOnlyTheFirstReportsALocation() {
        try (S3SpoolStore store = S3SpoolStore.open(s3.client(), settings, codec, clock)) {
            CompletableFuture<StoredLocation> before = store.writeBatch(SpoolRecords.writes(1));
            assertThat(before).succeedsWithin(BOUND);
            s3.stopServer();

            CompletableFuture<StoredLocation> after = store.writeBatch(SpoolRecords.writes(1));

            assertThat(after).failsWithin(BOUND);
        }
    }

    @Test
    void givenTheServerIsDown_whenTheStoreOpens_thenItFailsNamingBucketAndEndpoint() {
        s3.stopServer();

        assertThatThrownBy(() -> S3SpoolStore.open(s3.client(), settings, codec, clock))
                .isInstanceOf(SpoolUnavailableException.class)
                .hasMessageContaining(settings.bucket())
                .hasMessageContaining(s3.endpoint())
                .hasMessageContaining("unreachable");
    }

    @Test
    void givenTheServerIsDown_whenTheReaderLists_thenItFailsNamingBucketAndEndpoint() {
        S3SpoolReader reader = new S3SpoolReader(s3.client(), settings, codec);
        s3.stopServer();

        assertThatThrownBy(() -> reader.list(Instant.EPOCH, clock.instant()))
                .isInstanceOf(SpoolUnavailableException.class)
                .hasMessageContaining(settings.bucket())
                .hasMessageContaining(s3.endpoint());
    }
}
