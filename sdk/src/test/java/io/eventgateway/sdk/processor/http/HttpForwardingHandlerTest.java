package io.eventgateway.sdk.processor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.ProcessorEvent;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpForwardingHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ScriptedEndpoint endpoint = new ScriptedEndpoint();
    private final HttpForwardingHandler handler = new HttpForwardingHandler(endpoint.uri(), TIMEOUT, CLOCK);

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static ProcessorEvent event(String id, Map<String, String> attributes, byte[] payload) {
        return new ProcessorEvent("0:eg.p30:0:7:1", id, "acme", "shop", "order.created", "order-7", payload,
                attributes, Priority.P30, Instant.parse("2026-11-22T09:59:58Z"), Instant.parse("2026-11-22T10:00:03Z"),
                1, 2);
    }

    private static List<ProcessorEvent> twoEvents() {
        return List.of(event("evt-1", Map.of(), new byte[] {0, 1, 2}), event("evt-2", Map.of(), new byte[] {3}));
    }

    @Test
    void a2xxAcksEveryEventOfTheBatchSentInOnePost() {
        endpoint.answer(200, Map.of(), "{\"ok\":true}");

        List<HandlerOutcome> outcomes = handler.handleBatch(twoEvents());

        assertThat(outcomes).containsExactly(HandlerOutcome.ack(), HandlerOutcome.ack());
        assertThat(endpoint.bodies).hasSize(1);
        assertThat(endpoint.contentTypes).containsExactly("application/json");
    }

    @Test
    void theBatchIsOneJsonDocumentWithEveryFieldOfEachEvent() throws Exception {
        endpoint.answer(204, Map.of(), "");

        handler.handleBatch(twoEvents());

        JsonNode events = new ObjectMapper().readTree(endpoint.bodies.get(0)).get("events");
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(first.get("event_id").asText()).isEqualTo("evt-1");
        assertThat(first.get("company_id").asText()).isEqualTo("acme");
        assertThat(first.get("source_name").asText()).isEqualTo("shop");
        assertThat(first.get("event_type").asText()).isEqualTo("order.created");
        assertThat(first.get("group_key").asText()).isEqualTo("order-7");
        assertThat(first.get("priority").asText()).isEqualTo("P30");
        assertThat(first.get("attempt").asInt()).isEqualTo(1);
        assertThat(first.get("delivery").asInt()).isEqualTo(2);
        assertThat(first.get("ingested_at").asText()).isEqualTo("2026-11-22T09:59:58Z");
        assertThat(first.get("slo_deadline").asText()).isEqualTo("2026-11-22T10:00:03Z");
        assertThat(first.get("payload_encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(first.get("payload").asText())).containsExactly(0, 1, 2);
        assertThat(events.get(1).get("event_id").asText()).isEqualTo("evt-2");
    }

    @Test
    void aPayloadWhoseContentTypeAttributeSaysJsonGoesAsTextWithItsAttributes() throws Exception {
        endpoint.answer(200, Map.of(), "");
        byte[] json = "{\"name\":\"Zoë \\\"Z\\\"\"}".getBytes(StandardCharsets.UTF_8);

        handler.handleBatch(List.of(event("evt-1", Map.of("Content-Type", "application/json; charset=utf-8",
                "region", "eu"), json)));

        JsonNode sent = new ObjectMapper().readTree(endpoint.bodies.get(0)).get("events").get(0);
        assertThat(sent.get("payload_encoding").asText()).isEqualTo("text");
        assertThat(sent.get("payload").asText()).isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThat(sent.get("attributes").get("region").asText()).isEqualTo("eu");
    }

    @Test
    void aTextualContentTypeWithBytesThatAreNotUtf8StillGoesAsBase64() throws Exception {
        endpoint.answer(200, Map.of(), "");

        handler.handleBatch(List.of(event("evt-1", Map.of("content-type", "text/plain"),
                new byte[] {(byte) 0xC3, 0x28})));

        JsonNode sent = new ObjectMapper().readTree(endpoint.bodies.get(0)).get("events").get(0);
        assertThat(sent.get("payload_encoding").asText()).isEqualTo("base64");
    }

    @Test
    void a429RetriesEveryEventAfterTheRetryAfterSeconds() {
        endpoint.answer(429, Map.of("Retry-After", "7"), "slow down");

        List<HandlerOutcome> outcomes = handler.handleBatch(twoEvents());

        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome)
                .isEqualTo(new HandlerOutcome.Retry(Duration.ofSeconds(7), "HTTP 429")));
    }

    @Test
    void a503RetriesAfterTheRetryAfterHttpDate() {
        endpoint.answer(503, Map.of("Retry-After", "Sun, 22 Nov 2026 10:00:30 GMT"), "");

        List<HandlerOutcome> outcomes = handler.handleBatch(twoEvents());

        assertThat(outcomes).containsOnly(new HandlerOutcome.Retry(Duration.ofSeconds(30), "HTTP 503"));
    }

    @Test
    void a5xxWithoutRetryAfterRetriesWithoutAHint() {
        endpoint.answer(500, Map.of(), "boom");

        assertThat(handler.handleBatch(twoEvents())).containsOnly(new HandlerOutcome.Retry(null, "HTTP 500"));
    }

    @Test
    void a400FailsEveryEventWithTheStatusAndTheStartOfTheBody() {
        endpoint.answer(400, Map.of(), "{\"error\":\n  \"event_type unknown\"}");

        List<HandlerOutcome> outcomes = handler.handleBatch(twoEvents());

        assertThat(outcomes).containsOnly(HandlerOutcome.fail("HTTP 400: {\"error\": \"event_type unknown\"}"));
    }

    @Test
    void aFailureReasonKeepsOnlyABoundedExcerptOfAHugeBody() {
        endpoint.answer(422, Map.of(), "x".repeat(100_000));

        HandlerOutcome outcome = handler.handleBatch(twoEvents()).get(0);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Fail.class, fail -> assertThat(fail.reason())
                .startsWith("HTTP 422: xxx")
                .hasSize("HTTP 422: ".length() + HttpForwardingHandler.MAX_EXCERPT_CHARS));
    }

    @Test
    void anEndpointNobodyListensOnIsARetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpForwardingHandler unreachable = new HttpForwardingHandler(
                URI.create("http://127.0.0.1:" + closedPort + "/events"), TIMEOUT, CLOCK);

        List<HandlerOutcome> outcomes = unreachable.handleBatch(twoEvents());

        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(HandlerOutcome.Retry.class, retry -> {
                    assertThat(retry.after()).isNull();
                    assertThat(retry.reason()).contains("failed");
                }));
    }

    @Test
    void anEndpointThatDoesNotAnswerWithinTheTimeoutIsARetry() {
        endpoint.stall();
        HttpForwardingHandler impatient = new HttpForwardingHandler(endpoint.uri(), Duration.ofMillis(300), CLOCK);

        HandlerOutcome outcome = impatient.handleBatch(twoEvents()).get(0);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Retry.class,
                retry -> assertThat(retry.reason()).contains("timed out"));
    }

    @Test
    void onlyAnAbsoluteHttpUrlIsAnEndpoint() {
        assertThatThrownBy(() -> new HttpForwardingHandler(URI.create("ftp://host/x"), TIMEOUT, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new HttpForwardingHandler(URI.create("/relative"), TIMEOUT, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
