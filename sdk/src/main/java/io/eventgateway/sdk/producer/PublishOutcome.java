package io.eventgateway.sdk.producer;

import io.eventgateway.protocol.v1.EventResult;
import java.util.List;

/**
 * The final word on one {@code publish}: a result per input event, in input order, and the calls it took.
 * Events the gateway never answered (the call failed as a whole) carry a result made up by the producer, with the
 * call's status in {@code error.reason}: {@code UNAVAILABLE} when retrying later with the same event id may help,
 * {@code REJECTED} when the gateway refused the request as malformed.
 *
 * @param results  one per input event, in input order; each carries the event id sent (generated when absent)
 * @param attempts {@code PublishEvents} calls made, the first included
 */
public record PublishOutcome(List<EventResult> results, int attempts) {

    public PublishOutcome {
        results = List.copyOf(results);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }

    /** Durably stored: nothing more to do. */
    public List<EventResult> stored() {
        return withStatus(EventResult.Status.STORED);
    }

    /** Invalid: retrying them unchanged will not help; {@code error} says which field and why. */
    public List<EventResult> rejected() {
        return withStatus(EventResult.Status.REJECTED);
    }

    /** Not stored after every attempt: publish them again later with the same event ids. */
    public List<EventResult> unavailable() {
        return withStatus(EventResult.Status.UNAVAILABLE);
    }

    public boolean allStored() {
        return results.stream().allMatch(result -> result.getStatus() == EventResult.Status.STORED);
    }

    private List<EventResult> withStatus(EventResult.Status status) {
        return results.stream().filter(result -> result.getStatus() == status).toList();
    }
}
