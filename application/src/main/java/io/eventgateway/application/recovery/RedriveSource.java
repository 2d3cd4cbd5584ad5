package io.eventgateway.application.recovery;

import java.util.Locale;

/** Where recovery re-drives events from: the three places an event can wait outside the lane topics. */
public enum RedriveSource {
    /** The alternate cluster's failed-writes topic, drained by the recovery role. */
    FAILED_WRITES,
    /** S3 spool objects, replayed by {@code replay-s3}. */
    S3_SPOOL,
    /** The dead-letter topic, redriven by {@code dlq redrive}. */
    DLQ;

    /** Lower-case name used in metric tags and logs ({@code failed_writes}, {@code s3_spool}, {@code dlq}). */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
