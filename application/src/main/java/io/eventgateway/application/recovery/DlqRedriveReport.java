package io.eventgateway.application.recovery;

/**
 * What a DLQ redrive did.
 *
 * @param matched         records the filter matched, redriven before or not
 * @param alreadyRedriven matched records an earlier run had moved (skipped)
 * @param redriven        records moved by this run (in a dry run: that would be moved)
 */
public record DlqRedriveReport(long scanned, long unreadable, long matched, long alreadyRedriven, long redriven,
        boolean dryRun) {
}
