package io.eventgateway.application.ingest;

import java.util.Locale;

/** Where an event was durably stored: the receipt a producer gets, and what recovery re-drives from. */
public sealed interface StoredLocation {

    /** A short machine-readable description, e.g. {@code eg.p30/3/1234} or an S3 key. */
    String describe();

    /** Which link of the fallback chain holds the event: what receipts report as {@code stored_in}. */
    Kind kind();

    /** The kinds of store; the rollout cluster counts as primary (it is those tenants' primary). */
    enum Kind {
        PRIMARY,
        ALTERNATE,
        S3;

        /** Lower-case name used in receipts and logs. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The primary cluster's lane topic (or the rollout cluster's, which serves the same role). */
    record Primary(String cluster, String topic, int partition, long offset) implements StoredLocation {
        @Override
        public String describe() {
            return topic + "/" + partition + "/" + offset;
        }

        @Override
        public Kind kind() {
            return Kind.PRIMARY;
        }
    }

    /** The alternate cluster's failed-writes topic. */
    record Alternate(String topic, int partition, long offset) implements StoredLocation {
        @Override
        public String describe() {
            return topic + "/" + partition + "/" + offset;
        }

        @Override
        public Kind kind() {
            return Kind.ALTERNATE;
        }
    }

    /** An S3 spool object holding the event among others of its batch. */
    record Spool(String bucket, String key) implements StoredLocation {
        @Override
        public String describe() {
            return "s3://" + bucket + "/" + key;
        }

        @Override
        public Kind kind() {
            return Kind.S3;
        }
    }
}
