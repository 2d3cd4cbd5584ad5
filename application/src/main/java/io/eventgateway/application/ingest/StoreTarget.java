package io.eventgateway.application.ingest;

import java.util.Locale;

/** The links of the fallback chain, in order; the rollout cluster stands in for the primary for some tenants. */
public enum StoreTarget {
    PRIMARY,
    ROLLOUT,
    ALTERNATE,
    S3;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
