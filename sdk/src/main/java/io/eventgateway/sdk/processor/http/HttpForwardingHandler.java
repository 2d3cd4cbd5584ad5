package io.eventgateway.sdk.processor.http;

import io.eventgateway.sdk.processor.BatchEventHandler;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The built-in {@code http} handler: POSTs each batch of events as one JSON document to an endpoint and answers every
 * event of the batch by the response status ({@link StatusOutcomes}): 2xx ACK; 429 and 5xx RETRY with the {@code
 * Retry-After} hint (seconds or HTTP-date, none when absent); other 4xx FAIL with the status and the first {@value
 * #MAX_EXCERPT_CHARS} characters of the body; a connection failure or timeout RETRY.
 *
 * <p>The request ({@code Content-Type: application/json}):
 * <pre>{@code
 * {"events": [{
 *   "event_id": "...", "company_id": "...", "source_name": "...", "event_type": "...", "group_key": "...",
 *   "priority": "P30" | "P20" | "P10",
 *   "attempt": 0,                 // deliveries of this event that ended without an ACK so far
 *   "delivery": 1,                // 1 for the first lease of this stored record
 *   "ingested_at": "2026-01-01T00:00:00Z", "slo_deadline": "2026-01-01T00:00:05Z",   // ISO-8601 UTC
 *   "attributes": {"k": "v"},
 *   "payload_encoding": "base64" | "text",
 *   "payload": "..."
 * }]}
 * }</pre>
 * The stored event carries no content type, so the payload is base64 unless the event's {@code content-type}
 * attribute names text ({@code text/*}, {@code application/json}, {@code *+json}) and the bytes are valid UTF-8: then
 * it is the text itself, a JSON string the endpoint parses further if it wants.
 *
 * <p>Delivery is at-least-once: a batch the endpoint took but answered too late (timeout) is sent again, so the
 * endpoint should be idempotent on {@code event_id}. Redirects are followed; HTTP/1.1 with keep-alive.
 */
public final class HttpForwardingHandler implements BatchEventHandler {

    public static final int MAX_EXCERPT_CHARS = 256;

    private final URI endpoint;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    /**
     * @param endpoint an absolute {@code http} or {@code https} URL
     * @param timeout  the connect timeout, and the time from sending a batch to the response headers
     */
    public HttpForwardingHandler(URI endpoint, Duration timeout, Clock clock) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL, was " + endpoint);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public List<HandlerOutcome> handleBatch(List<ProcessorEvent> events) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventBatchJson.write(events)))
                .build();
        HandlerOutcome outcome;
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = excerpt(response.body());
            outcome = StatusOutcomes.of(response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), excerpt, clock.instant());
        } catch (IOException e) {
            // Refused, reset or timed out: the endpoint may be back on the next delivery.
            outcome = new HandlerOutcome.Retry(null, "POST " + endpoint + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new HandlerOutcome.Retry(null, "interrupted while posting to " + endpoint);
        }
        return Collections.nCopies(events.size(), outcome);
    }

    /** The start of the body on one line; the rest is not read, so a huge error page costs nothing. */
    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            // UTF-8 takes at most four bytes per character.
            byte[] start = body.readNBytes(MAX_EXCERPT_CHARS * 4);
            String text = new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return text.length() > MAX_EXCERPT_CHARS ? text.substring(0, MAX_EXCERPT_CHARS) : text;
        }
    }
}
