package io.eventgateway.sdk.processor.http;

import io.eventgateway.sdk.processor.HandlerOutcome;
import java.time.Instant;

/**
 * The one place an endpoint's answer becomes an outcome for every event of the batch: 2xx is ACK; 429 and 5xx are
 * RETRY with the {@code Retry-After} hint (a busy or broken endpoint recovers); any other 4xx is FAIL, since sending
 * the same request again gets the same refusal; anything else (1xx, an unfollowed 3xx) is RETRY, since it says
 * nothing about the events.
 */
final class StatusOutcomes {

    private static final int TOO_MANY_REQUESTS = 429;

    private StatusOutcomes() {
    }

    static HandlerOutcome of(int status, String retryAfter, String bodyExcerpt, Instant now) {
        if (status >= 200 && status < 300) {
            return HandlerOutcome.ack();
        }
        if (status == TOO_MANY_REQUESTS || (status >= 500 && status < 600)) {
            return new HandlerOutcome.Retry(RetryAfter.parse(retryAfter, now), "HTTP " + status);
        }
        if (status >= 400 && status < 500) {
            return HandlerOutcome.fail("HTTP " + status + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt));
        }
        return new HandlerOutcome.Retry(null, "unexpected HTTP status " + status);
    }
}
