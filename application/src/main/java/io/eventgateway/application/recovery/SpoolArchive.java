package io.eventgateway.application.recovery;

import java.time.Instant;
import java.util.List;

/**
 * The S3 spool as {@code replay-s3} reads it. Failures to reach the store are thrown as the adapter's retriable
 * exception, whose message names the bucket and endpoint.
 */
public interface SpoolArchive {

    /** Objects written in {@code [fromInclusive, toExclusive)}, oldest first. */
    List<SpooledObject> list(Instant fromInclusive, Instant toExclusive);

    SpoolContents read(String key);

    /** Removes the object; removing one that is already gone succeeds. */
    void delete(String key);
}
