package io.eventgateway.application.dispatch;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;

/**
 * What the dispatch service reports as it works; the bootstrap implements it with Micrometer. Levels (buffered bytes,
 * paused lanes, leases in flight) are read from {@link DispatchService#status()} instead.
 */
public interface DispatchMetrics {

    /** How a processor's response was applied. */
    enum ResponseKind { ACK, RETRY, FAIL, LATE, DUPLICATE, UNKNOWN }

    /** A batch was leased; {@code waited} is how long its fetch waited for work. */
    void onLeased(int tasks, long bytes, Duration waited);

    /** A task's first lease, against the deadline it was promised at ingest. */
    void onSlo(Priority priority, boolean met);

    void onResponse(ResponseKind kind);

    /** A lease of a task of {@code lane} expired: one delivery counted. */
    void onLeaseExpired(Lane lane);

    /** An expiry pass held back this many leases because responses are not read that far: an alert when above 0. */
    void onExpiriesHeldBack(int leases);

    /** A record's dead-letter write was acked. */
    void onDeadLettered(Lane lane, DeadLetterCause cause);

    /** A failed attempt will be tried again: after a wait in memory ({@code level} 0) or on retry level {@code level}. */
    void onRetryScheduled(Lane lane, int level);

    /** A hand-off write (retry level, offload or DLQ) failed; it is tried again. */
    void onHandoffFailed(Lane lane);

    /** A polled record did not decode. */
    void onCorruptRecord(Lane lane);

    /** A commit left out completed offsets that did not fit the metadata; a restart redelivers them. */
    void onCommitTruncated(SourcePartition partition, int droppedRanges);

    /** Does nothing: for tests and for roles that do not dispatch. */
    DispatchMetrics NONE = new DispatchMetrics() {
        @Override
        public void onRetryScheduled(Lane lane, int level) {
        }

        @Override
        public void onLeased(int tasks, long bytes, Duration waited) {
        }

        @Override
        public void onSlo(Priority priority, boolean met) {
        }

        @Override
        public void onResponse(ResponseKind kind) {
        }

        @Override
        public void onLeaseExpired(Lane lane) {
        }

        @Override
        public void onExpiriesHeldBack(int leases) {
        }

        @Override
        public void onDeadLettered(Lane lane, DeadLetterCause cause) {
        }

        @Override
        public void onHandoffFailed(Lane lane) {
        }

        @Override
        public void onCorruptRecord(Lane lane) {
        }

        @Override
        public void onCommitTruncated(SourcePartition partition, int droppedRanges) {
        }
    };
}
