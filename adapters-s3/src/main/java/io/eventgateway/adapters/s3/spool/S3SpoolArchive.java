package io.eventgateway.adapters.s3.spool;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.recovery.SpoolArchive;
import io.eventgateway.application.recovery.SpoolContents;
import io.eventgateway.application.recovery.SpooledObject;
import io.eventgateway.application.record.CorruptRecordException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The spool as {@code replay-s3} sees it, over {@link S3SpoolReader}: a missing object is {@link SpoolContents.Gone}
 * and an undecodable one {@link SpoolContents.Corrupt}; an unreachable bucket throws
 * {@link SpoolUnavailableException}, whose message names the bucket and endpoint.
 */
public final class S3SpoolArchive implements SpoolArchive {

    private final S3SpoolReader reader;

    public S3SpoolArchive(S3SpoolReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public List<SpooledObject> list(Instant fromInclusive, Instant toExclusive) {
        return reader.list(fromInclusive, toExclusive).stream()
                .map(object -> new SpooledObject(object.key(), object.writtenAt(), object.sizeBytes()))
                .toList();
    }

    @Override
    public SpoolContents read(String key) {
        try {
            return new SpoolContents.Records(reader.read(key).stream()
                    .map(decoded -> new LaneWrite(decoded.record(), decoded.lane()))
                    .toList());
        } catch (SpoolObjectNotFoundException gone) {
            return new SpoolContents.Gone();
        } catch (CorruptRecordException corrupt) {
            return new SpoolContents.Corrupt(corrupt.getMessage());
        }
    }

    @Override
    public void delete(String key) {
        reader.delete(key);
    }
}
