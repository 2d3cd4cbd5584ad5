package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One record of the DLQ topic. What the headers say is optional: records written by older gateways lack some, and
 * an absent header is unknown, never a failure.
 *
 * @param position  where it sits on the DLQ topic: what a redrive marker names
 * @param lane      the lane it was read from when it died
 * @param attempts  the attempt count the orchestrator recorded, if it did
 * @param failedAt  when it was dead-lettered, if recorded
 * @param writtenAt the DLQ record's own timestamp, for when {@code failedAt} is absent
 */
public record DeadLetter(
        SourcePosition position,
        EventRecord record,
        Lane lane,
        Optional<String> reason,
        OptionalInt attempts,
        OptionalInt deliveries,
        Optional<Instant> failedAt,
        Optional<Instant> firstFailedAt,
        Instant writtenAt) {

    public DeadLetter {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /** When it died: the recorded failure time, else the DLQ record's timestamp. */
    public Instant time() {
        return failedAt.orElse(writtenAt);
    }

    /** The attempts header when present, else the attempt count inside the record. */
    public int attemptsSeen() {
        return attempts.orElse(record.attempt());
    }

    /** {@code topic/partition/offset} on the DLQ topic. */
    public String location() {
        return position.topic() + "/" + position.partition() + "/" + position.offset();
    }

    /**
     * What a redrive writes: the event with its attempt count reset and no stale delay, on the lane it came from;
     * a record that died in a retry level goes back to its priority's lane, as retry topics are the orchestrator's
     * own timing wheel. Ids, priority and the original deadline are kept.
     */
    public RedriveItem toRedrive(Instant now) {
        Lane target = lane == Lane.RETRY ? Lane.of(record.priority()) : lane;
        EventRecord reset = record.withAttempt(0).withDelayUntil(null);
        return RedriveItem.marked(new LaneWrite(reset, target), new RedriveMark(location(), now));
    }
}
