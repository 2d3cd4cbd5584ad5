package io.eventgateway.adapters.s3.spool;

import io.eventgateway.adapters.s3.spool.DelimitedFraming.MalformedFrameException;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@link S3SpoolStore} wrote, for {@code replay-s3}: lists objects by the write time in their keys,
 * decodes an object's records in order, and deletes an object once its records are re-driven. Only keys under
 * the spool prefix are read or deleted, so a wrong key cannot remove anything else in the bucket.
 */
public final class S3SpoolReader {

    private static final Logger LOG = LoggerFactory.getLogger(S3SpoolReader.class);
    /** S3's largest ListObjectsV2 page. */
    private static final int LIST_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final SpoolBucket bucket;
    private final SpoolKeys keys;
    private final StoredRecordCodec codec;
    private final int listPageSize;

    public S3SpoolReader(S3Client s3, S3SpoolSettings settings, StoredRecordCodec codec) {
        this(s3, settings, codec, LIST_PAGE_SIZE);
    }

    /** With a smaller listing page, so a test can cross page boundaries without writing a thousand objects. */
    S3SpoolReader(S3Client s3, S3SpoolSettings settings, StoredRecordCodec codec, int listPageSize) {
        if (s3 == null || settings == null || codec == null) {
            throw new IllegalArgumentException("s3, settings and codec are all required");
        }
        if (listPageSize < 1 || listPageSize > LIST_PAGE_SIZE) {
            throw new IllegalArgumentException("listPageSize must be in 1.." + LIST_PAGE_SIZE + ", was "
                    + listPageSize);
        }
        this.s3 = s3;
        this.bucket = new SpoolBucket(s3, settings.bucket());
        this.keys = new SpoolKeys(settings.keyPrefix());
        this.codec = codec;
        this.listPageSize = listPageSize;
    }

    /**
     * Spool objects written in {@code [fromInclusive, toExclusive)}, oldest first. Keys are time-ordered, so the
     * listing starts right at {@code fromInclusive} and stops at the first key past the range. Keys under the prefix
     * that are not spool keys are skipped with a warning.
     *
     * @throws SpoolUnavailableException naming the bucket and endpoint when listing fails
     */
    public List<SpoolObject> list(Instant fromInclusive, Instant toExclusive) {
        if (fromInclusive == null || toExclusive == null || toExclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException("need fromInclusive <= toExclusive, was [" + fromInclusive + ", "
                    + toExclusive + ")");
        }
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                .bucket(bucket.name())
                .prefix(keys.prefix())
                .maxKeys(listPageSize);
        keys.startAfter(fromInclusive).ifPresent(request::startAfter);
        List<SpoolObject> found = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request.build()).contents()) {
                Optional<Instant> writtenAt = keys.writtenAt(object.key());
                if (writtenAt.isEmpty()) {
                    LOG.warn("Skipping {}: not a spool object key", bucket.describe(object.key()));
                    continue;
                }
                if (!writtenAt.get().isBefore(toExclusive)) {
                    break;
                }
                // The listing starts at the millisecond of fromInclusive; an instant with finer digits starts later.
                if (!writtenAt.get().isBefore(fromInclusive)) {
                    found.add(new SpoolObject(object.key(), writtenAt.get(), object.size()));
                }
            }
        } catch (SdkException | UncheckedIOException e) {
            throw bucket.unavailable("list spool objects written in [" + fromInclusive + ", " + toExclusive + ")", e);
        }
        return List.copyOf(found);
    }

    /**
     * Every record of the object, in the order written.
     *
     * @throws CorruptRecordException naming the key and the record index when the object is cut short or a record
     *                                does not decode
     * @throws SpoolObjectNotFoundException when the object is gone (an earlier replay deleted it)
     * @throws SpoolUnavailableException naming the bucket and endpoint when the read fails
     */
    public List<DecodedRecord> read(String key) {
        requireSpoolKey(key);
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(get -> get.bucket(bucket.name()).key(key));
        } catch (NoSuchKeyException missing) {
            throw new SpoolObjectNotFoundException(bucket.describe(key) + " does not exist", missing);
        } catch (SdkException | UncheckedIOException e) {
            throw bucket.unavailable("read spool object " + key, e);
        }
        String declaredCount = object.response().metadata().get(S3SpoolStore.RECORD_COUNT_METADATA);
        return decode(key, object.asByteArrayUnsafe(), declaredCount);
    }

    /**
     * Removes the object; removing one that is already gone succeeds, so a replay run twice is harmless.
     *
     * @throws SpoolUnavailableException naming the bucket and endpoint when the delete fails
     */
    public void delete(String key) {
        requireSpoolKey(key);
        try {
            s3.deleteObject(delete -> delete.bucket(bucket.name()).key(key));
        } catch (SdkException | UncheckedIOException e) {
            throw bucket.unavailable("delete spool object " + key, e);
        }
    }

    private List<DecodedRecord> decode(String key, byte[] body, String declaredCount) {
        List<byte[]> frames;
        try {
            frames = DelimitedFraming.unframe(body);
        } catch (MalformedFrameException e) {
            throw new CorruptRecordException("spool object " + bucket.describe(key) + " is corrupt: " + e.getMessage(),
                    e);
        }
        // A cut at a record boundary leaves valid framing; only the count written beside the object reveals it.
        if (declaredCount != null && !declaredCount.equals(Integer.toString(frames.size()))) {
            throw new CorruptRecordException("spool object " + bucket.describe(key) + " is corrupt: record "
                    + frames.size() + ": the object holds " + frames.size() + " records but its "
                    + S3SpoolStore.RECORD_COUNT_METADATA + " metadata says " + declaredCount, null);
        }
        List<DecodedRecord> records = new ArrayList<>(frames.size());
        for (byte[] frame : frames) {
            try {
                records.add(codec.decode(frame));
            } catch (CorruptRecordException e) {
                throw new CorruptRecordException("spool object " + bucket.describe(key) + " is corrupt: record "
                        + records.size() + " of " + frames.size() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(records);
    }

    private void requireSpoolKey(String key) {
        if (key == null || !key.startsWith(keys.prefix()) || key.length() == keys.prefix().length()) {
            throw new IllegalArgumentException("not a key under the spool prefix '" + keys.prefix() + "': " + key);
        }
    }
}
