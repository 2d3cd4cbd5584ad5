package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.DecodedRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SpoolStoreIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private static SpoolS3 s3;

    private final FieldByFieldCodec codec = new FieldByFieldCodec();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<S3SpoolStore> stores = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        s3 = SpoolS3.start();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(S3SpoolStore::close);
    }

    @Test
    void aBatchBecomesOneObjectUnderTheUtcHourOfTheClock() {
        S3SpoolSettings settings = s3.newBucket();

        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(3));

        assertThat(location.bucket()).isEqualTo(settings.bucket());
        assertThat(location.key()).matches("spool/2026/11/22/10/1795342530123-[0-9a-f-]{36}\\.pb");
        assertThat(listKeys(settings)).containsExactly(location.key());
    }

    @Test
    void theObjectIsBinaryAndCarriesItsRecordCount() {
        S3SpoolSettings settings = s3.newBucket();

        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(3));

        HeadObjectResponse head = s3.client().headObject(h -> h.bucket(settings.bucket()).key(location.key()));
        assertThat(head.contentType()).isEqualTo("application/octet-stream");
        assertThat(head.metadata()).containsEntry("record-count", "3");
    }

    @Test
    void theBodyIsEachEncodedRecordBehindItsVarintLength() {
        S3SpoolSettings settings = s3.newBucket();
        List<LaneWrite> writes = SpoolRecords.writes(3);

        StoredLocation.Spool location = write(open(settings), writes);

        byte[] body = s3.client().getObjectAsBytes(get -> get.bucket(settings.bucket()).key(location.key()))
                .asByteArray();
        List<byte[]> expected = writes.stream().map(w -> codec.encode(w.record(), w.lane())).toList();
        assertThat(body).containsExactly(DelimitedFraming.frame(expected));
    }

    @Test
    void twoBatchesInTheSameMillisecondGetTwoObjects() {
        S3SpoolSettings settings = s3.newBucket();
        S3SpoolStore store = open(settings);

        StoredLocation.Spool first = write(store, SpoolRecords.writes(1));
        StoredLocation.Spool second = write(store, SpoolRecords.writes(1));

        assertThat(first.key()).isNotEqualTo(second.key());
        assertThat(listKeys(settings)).containsExactlyInAnyOrder(first.key(), second.key());
    }

    @Test
    void theReaderListsAnObjectWithinItsTimeRangeOnly() {
        S3SpoolSettings settings = s3.newBucket();
        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(2));
        S3SpoolReader reader = reader(settings);

        assertThat(reader.list(NOW, NOW.plusMillis(1))).extracting(SpoolObject::key).containsExactly(location.key());
        assertThat(reader.list(NOW.minusSeconds(3600), NOW)).isEmpty();
        assertThat(reader.list(NOW.plusMillis(1), NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aListedObjectCarriesItsWriteTimeAndSize() {
        S3SpoolSettings settings = s3.newBucket();
        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(2));
        long size = s3.client().headObject(h -> h.bucket(settings.bucket()).key(location.key())).contentLength();

        List<SpoolObject> listed = reader(settings).list(NOW.minusSeconds(1), NOW.plusSeconds(1));

        assertThat(listed).containsExactly(new SpoolObject(location.key(), NOW, size));
    }

    @Test
    void objectsWrittenAcrossHoursAreListedOldestFirstAndCutAtTheRangeEnds() {
        S3SpoolSettings settings = s3.newBucket();
        S3SpoolStore store = open(settings);
        List<String> keys = new ArrayList<>();
        for (int hour = 0; hour < 4; hour++) {
            clock.set(NOW.plus(Duration.ofMinutes(50L * hour)));
            keys.add(write(store, SpoolRecords.writes(1)).key());
        }

        List<SpoolObject> listed = reader(settings)
                .list(NOW.plus(Duration.ofMinutes(50)), NOW.plus(Duration.ofMinutes(150)));

        assertThat(listed).extracting(SpoolObject::key).containsExactly(keys.get(1), keys.get(2));
    }

    @Test
    void readingAnObjectReturnsItsRecordsAndLanesInOrder() {
        S3SpoolSettings settings = s3.newBucket();
        List<LaneWrite> writes = SpoolRecords.writes(10);
        StoredLocation.Spool location = write(open(settings), writes);

        List<DecodedRecord> read = reader(settings).read(location.key());

        assertThat(read).containsExactlyElementsOf(decoded(writes));
    }

    @Test
    void aDeletedObjectIsNeitherListedNorReadable() {
        S3SpoolSettings settings = s3.newBucket();
        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(2));
        S3SpoolReader reader = reader(settings);

        reader.delete(location.key());

        assertThat(reader.list(NOW.minusSeconds(1), NOW.plusSeconds(1))).isEmpty();
        assertThatThrownBy(() -> reader.read(location.key())).isInstanceOf(SpoolObjectNotFoundException.class)
                .hasMessageContaining(location.key());
    }

    @Test
    void aBatchOfAThousandSmallRecordsRoundTrips() {
        S3SpoolSettings settings = s3.newBucket();
        List<LaneWrite> writes = SpoolRecords.writes(1_000);

        StoredLocation.Spool location = write(open(settings), writes);

        assertThat(reader(settings).read(location.key())).containsExactlyElementsOf(decoded(writes));
    }

    @Test
    void aRecordWithATwoMebibytePayloadRoundTrips() {
        S3SpoolSettings settings = s3.newBucket();
        byte[] payload = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(payload);
        List<LaneWrite> writes = List.of(SpoolRecords.write(0), SpoolRecords.withPayload(payload));

        StoredLocation.Spool location = write(open(settings), writes);

        assertThat(reader(settings).read(location.key())).containsExactlyElementsOf(decoded(writes));
    }

    @Test
    void aMissingBucketIsCreatedAtOpenWhenCreationIsOn() {
        S3SpoolSettings settings = new S3SpoolSettings(SpoolS3.uniqueBucketName(), "spool/", true);

        StoredLocation.Spool location = write(open(settings), SpoolRecords.writes(1));

        assertThat(listKeys(settings)).containsExactly(location.key());
    }

    @Test
    void openingOnAnExistingBucketWithCreationOnKeepsItsObjects() {
        S3SpoolSettings existing = s3.newBucket();
        StoredLocation.Spool before = write(open(existing), SpoolRecords.writes(1));

        open(new S3SpoolSettings(existing.bucket(), existing.keyPrefix(), true));

        assertThat(listKeys(existing)).containsExactly(before.key());
    }

    @Test
    void aMissingBucketFailsTheOpenNamingBucketAndEndpointWhenCreationIsOff() {
        S3SpoolSettings settings = new S3SpoolSettings(SpoolS3.uniqueBucketName(), "spool/", false);

        assertThatThrownBy(() -> open(settings))
                .isInstanceOf(SpoolUnavailableException.class)
                .hasMessageContaining(settings.bucket())
                .hasMessageContaining(s3.endpoint())
                .hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyBatchIsRefused() {
        S3SpoolStore store = open(s3.newBucket());

        assertThatThrownBy(() -> store.writeBatch(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private S3SpoolStore open(S3SpoolSettings settings) {
        S3SpoolStore store = S3SpoolStore.open(s3.client(), settings, codec, clock);
        stores.add(store);
        return store;
    }

    private S3SpoolReader reader(S3SpoolSettings settings) {
        return new S3SpoolReader(s3.client(), settings, codec);
    }

    private static StoredLocation.Spool write(S3SpoolStore store, List<LaneWrite> writes) {
        StoredLocation location = store.writeBatch(writes).orTimeout(WRITE_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS).join();
        assertThat(location).isInstanceOf(StoredLocation.Spool.class);
        return (StoredLocation.Spool) location;
    }

    private static List<String> listKeys(S3SpoolSettings settings) {
        return s3.client().listObjectsV2(list -> list.bucket(settings.bucket())).contents().stream()
                .map(S3Object::key).toList();
    }

    private static List<DecodedRecord> decoded(List<LaneWrite> writes) {
        return writes.stream().map(w -> new DecodedRecord(w.record(), w.lane())).toList();
    }
}
