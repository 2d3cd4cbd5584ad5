package io.eventgateway.application.dispatch;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.task.SourcePosition;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a record to the dead-letter topic. The dispatch service marks the source offset done only after the future
 * completes normally, so a failed write never loses the record: the service tries again later.
 *
 * <p>One of the hand-off writers: retry topics and offload follow the same contract (done only after the write is
 * acked), so a wider hand-off port can take this one's place without changing how the service completes work.
 */
public interface DeadLetterWriter {

    /**
     * @param record     the record as it stands (its attempt count included); for a record that would not decode, a
     *                   stand-in whose payload is the undecodable bytes
     * @param source     where the record was read, for the DLQ headers
     * @param reason     why it is dead, in words ({@code "corrupt record"}, {@code "max deliveries exceeded"}, a
     *                   processor's FAIL reason)
     * @param deliveries deliveries the record had from this replica
     */
    CompletableFuture<Void> write(EventRecord record, SourcePosition source, String reason, int deliveries);
}
