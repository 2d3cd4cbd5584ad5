package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.record.CorruptRecordException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3SpoolReaderIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    private static SpoolS3 s3;

    private final FieldByFieldCodec codec = new FieldByFieldCodec();
    private final SpoolKeys keys = new SpoolKeys(S3SpoolSettings.DEFAULT_KEY_PREFIX);

    @BeforeAll
    static void startServer() {
        s3 = SpoolS3.start();
    }

    @AfterAll
    static void stopServer() {
        s3.close();
    }

    @Test
    void garbageUnderThePrefixIsACorruptRecordNamingTheKey() {
        S3SpoolSettings settings = s3.newBucket();
        byte[] garbage = new byte[512];
        new Random(3).nextBytes(garbage);
        String key = put(settings, NOW, garbage, Map.of());

        assertThatThrownBy(() -> reader(settings).read(key))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("record ");
    }

    @Test
    void aLengthPrefixPromisingMoreThanTheObjectHoldsNamesTheRecordIndex() {
        S3SpoolSettings settings = s3.newBucket();
        byte[] framed = spoolBody(3);
        String key = put(settings, NOW, Arrays.copyOf(framed, framed.length - 1), Map.of());

        assertThatThrownBy(() -> reader(settings).read(key))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("record 2");
    }

    @Test
    void aRecordTheCodecRejectsIsNamedByItsIndex() {
        S3SpoolSettings settings = s3.newBucket();
        List<byte[]> frames = new ArrayList<>(DelimitedFraming.unframe(spoolBody(3)));
        frames.set(1, new byte[] {1, 2, 3});
        String key = put(settings, NOW, DelimitedFraming.frame(frames), Map.of("record-count", "3"));

        assertThatThrownBy(() -> reader(settings).read(key))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("record 1 of 3");
    }

    @Test
    void anObjectCutAtARecordBoundaryIsCaughtByItsRecordCount() {
        S3SpoolSettings settings = s3.newBucket();
        List<byte[]> frames = DelimitedFraming.unframe(spoolBody(3));
        String key = put(settings, NOW, DelimitedFraming.frame(frames.subList(0, 2)), Map.of("record-count", "3"));

        assertThatThrownBy(() -> reader(settings).read(key))
                .isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("record 2")
                .hasMessageContaining("metadata says 3");
    }

    @Test
    void readingAMissingObjectSaysItIsGone() {
        S3SpoolSettings settings = s3.newBucket();
        String key = keys.keyFor(NOW, UUID.randomUUID());

        assertThatThrownBy(() -> reader(settings).read(key))
                .isInstanceOf(SpoolObjectNotFoundException.class)
                .hasMessageContaining(settings.bucket())
                .hasMessageContaining(key);
    }

    @Test
    void deletingAnObjectThatIsAlreadyGoneSucceeds() {
        S3SpoolSettings settings = s3.newBucket();
        String key = put(settings, NOW, spoolBody(1), Map.of("record-count", "1"));
        S3SpoolReader reader = reader(settings);
        reader.delete(key);

        reader.delete(key);

        assertThat(reader.list(NOW, NOW.plusMillis(1))).isEmpty();
    }

    @Test
    void aKeyOutsideTheSpoolPrefixIsNeitherReadNorDeleted() {
        S3SpoolSettings settings = s3.newBucket();
        S3SpoolReader reader = reader(settings);

        assertThatIllegalArgumentException().isThrownBy(() -> reader.read("other/thing"));
        assertThatIllegalArgumentException().isThrownBy(() -> reader.delete("other/thing"));
    }

    @Test
    void aListingLongerThanOnePageReturnsEveryObjectInKeyOrder() {
        S3SpoolSettings settings = s3.newBucket();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            written.add(put(settings, NOW.plusSeconds(i), spoolBody(1), Map.of()));
        }
        S3SpoolReader reader = new S3SpoolReader(s3.client(), settings, codec, 2);

        List<SpoolObject> listed = reader.list(NOW, NOW.plusSeconds(60));

        assertThat(listed).extracting(SpoolObject::key).containsExactlyElementsOf(written);
    }

    @Test
    void keysUnderThePrefixThatTheStoreDidNotWriteAreNotListed() {
        S3SpoolSettings settings = s3.newBucket();
        String spooled = put(settings, NOW, spoolBody(1), Map.of());
        s3.client().putObject(p -> p.bucket(settings.bucket()).key("spool/README"), RequestBody.fromString("hi"));

        assertThat(reader(settings).list(Instant.EPOCH, NOW.plusSeconds(1)))
                .extracting(SpoolObject::key).containsExactly(spooled);
    }

    @Test
    void anInvertedTimeRangeIsRejected() {
        S3SpoolReader reader = reader(s3.newBucket());

        assertThatIllegalArgumentException().isThrownBy(() -> reader.list(NOW, NOW.minusMillis(1)));
    }

    @Test
    void listingAMissingBucketFailsNamingBucketAndEndpoint() {
        S3SpoolSettings missing = new S3SpoolSettings(SpoolS3.uniqueBucketName(), null, false);

        assertThatThrownBy(() -> reader(missing).list(NOW, NOW.plusSeconds(1)))
                .isInstanceOf(SpoolUnavailableException.class)
                .hasMessageContaining(missing.bucket())
                .hasMessageContaining(s3.endpoint());
    }

    private S3SpoolReader reader(S3SpoolSettings settings) {
        return new S3SpoolReader(s3.client(), settings, codec);
    }

    /** What the store writes for {@code count} records, built here so a test can damage it. */
    private byte[] spoolBody(int count) {
        return DelimitedFraming.frame(SpoolRecords.writes(count).stream()
                .map(w -> codec.encode(w.record(), w.lane())).toList());
    }

    private String put(S3SpoolSettings settings, Instant writtenAt, byte[] body, Map<String, String> metadata) {
        String key = keys.keyFor(writtenAt, UUID.randomUUID());
        s3.client().putObject(p -> p.bucket(settings.bucket()).key(key).metadata(metadata),
                RequestBody.fromBytes(body));
        return key;
    }
}
