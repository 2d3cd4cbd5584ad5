package io.eventgateway.application.recovery;

/**
 * What one pass over the DLQ read.
 *
 * @param scanned    records read, readable or not
 * @param unreadable records that were no stored record (skipped; they stay on the topic)
 */
public record DlqScan(long scanned, long unreadable) {

    public DlqScan {
        if (scanned < 0 || unreadable < 0 || unreadable > scanned) {
            throw new IllegalArgumentException("need 0 <= unreadable <= scanned, was " + unreadable + " of "
                    + scanned);
        }
    }
}
