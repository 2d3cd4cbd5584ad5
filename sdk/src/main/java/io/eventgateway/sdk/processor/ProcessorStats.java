package io.eventgateway.sdk.processor;

/**
 * A snapshot of a runner's counters since it started. {@code fetched} counts leased tasks; {@code acked}, {@code
 * retried} and {@code failed} the responses published; {@code released} the tasks handed back unprocessed (dry run,
 * shutdown); {@code expiredBeforeStart} the tasks dropped because their lease ran out before a worker reached them;
 * {@code extensions} the successful ExtendLease calls.
 */
public record ProcessorStats(long fetched, long acked, long retried, long failed, long released,
        long expiredBeforeStart, long extensions) {
}
