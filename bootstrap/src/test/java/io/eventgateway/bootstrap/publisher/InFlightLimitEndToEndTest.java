package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.ByteString;
import com.google.rpc.RetryInfo;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.application.ingest.PublishEventsService;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publisher bounds the request bytes it holds. With a primary that hangs (a listener that never answers) two
 * requests fill the in-flight limit; a burst on top of them is refused, HTTP 429 with {@code Retry-After} and gRPC
 * RESOURCE_EXHAUSTED with a retry hint, instead of being buffered. What was accepted is still stored (it falls back
 * to the alternate cluster and is read back there), and the in-flight bytes return to zero.
 */
class InFlightLimitEndToEndTest {

    private static final String PREFIX = TestTopics.unique("in-flight") + ".";
    private static final long MAX_IN_FLIGHT_BYTES = 3000;
    private static final long MAX_REQUEST_BYTES = 2000;
    private static final int PAYLOAD_BYTES = 1000;
    private static final int BURST = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeadBrokers.Silent hungPrimary;
    private static RunningPublisher publisher;
    private static PublishEventsService service;
    private static KafkaRecords alternate;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.ALTERNATE);
        hungPrimary = new DeadBrokers.Silent();
        publisher = RunningPublisher.start(hungPrimary.bootstrapServers(), PREFIX, Map.of(
                "eventgateway.kafka.alternate.bootstrap-servers", servers,
                // A write blocks a quarter of this on the hung primary's metadata before it falls back.
                "eventgateway.publisher.primary-timeout", "4s",
                // The circuit never opens, so every write waits on the hung primary.
                "eventgateway.publisher.breaker-failure-threshold", 1_000_000,
                "eventgateway.publisher.max-in-flight-bytes", MAX_IN_FLIGHT_BYTES,
                "eventgateway.publisher.max-request-bytes", MAX_REQUEST_BYTES,
                "eventgateway.publisher.max-payload-bytes", 1024));
        service = publisher.publishService();
        alternate = new KafkaRecords(servers);
        // The writers' metadata warm-up blocks each lane's send thread once at start; wait it out, so the requests
        // under test each hang for a whole metadata wait.
        assertThat(publisher.publishOverHttp(List.of(TestEvents.json("P30"), TestEvents.json("P20"))))
                .allMatch(Receipt::isStored);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            alternate.close();
            publisher.close();
        } finally {
            hungPrimary.close();
        }
    }

    @Test
    void overHttpABurstPastTheLimitIsAnswered429WithRetryAfterAndNothingAcceptedIsLost() throws Exception {
        double storedBefore = publisher.counter("eg.publish.stored");
        Saturation saturation = saturate();

        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(publisher.postEvents(httpBody(TestEvents.json("P10"))));
        }

        assertThat(burst).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("request");
            assertThat(error.get("reason").asText()).contains("in-flight bytes");
        });
        saturation.assertEveryAcceptedEventStoredAndFound();
        await().atMost(Duration.ofSeconds(15)).until(() -> service.inFlightBytes() == 0);
        assertThat(publisher.counter("eg.publish.stored") - storedBefore).as("events stored")
                .isEqualTo(saturation.events());
    }

    @Test
    void overGrpcABurstPastTheLimitIsResourceExhaustedWithARetryHintAndNothingAcceptedIsLost() throws Exception {
        double storedBefore = publisher.counter("eg.publish.stored");
        Saturation saturation = saturate();

        List<StatusRuntimeException> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(catchThrowableOfType(StatusRuntimeException.class,
                    () -> publisher.grpc().publishEvents(grpcRequest(Priority.P10))));
        }

        assertThat(burst).allSatisfy(refused -> {
            assertThat(refused).isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            RetryInfo retry = StatusProto.fromThrowable(refused).getDetails(0).unpack(RetryInfo.class);
            assertThat(retry.getRetryDelay().getSeconds()).isPositive();
        });
        saturation.assertEveryAcceptedEventStoredAndFound();
        await().atMost(Duration.ofSeconds(15)).until(() -> service.inFlightBytes() == 0);
        assertThat(publisher.counter("eg.publish.stored") - storedBefore).as("events stored")
                .isEqualTo(saturation.events());
    }

    /**
     * Sends one HTTP and one gRPC request, both hanging on the primary, and returns once the publisher holds both:
     * then no request of the burst's size fits under the limit.
     */
    private static Saturation saturate() {
        String httpBody = httpBody(TestEvents.json("P30"));
        PublishEventsRequest grpcRequest = grpcRequest(Priority.P20);
        long held = httpBody.getBytes(StandardCharsets.UTF_8).length + grpcRequest.getSerializedSize();
        long smallestOfBurst = Math.min(httpBody(TestEvents.json("P10")).getBytes(StandardCharsets.UTF_8).length,
                grpcRequest(Priority.P10).getSerializedSize());
        assertThat(held + smallestOfBurst).as("bytes with one more request").isGreaterThan(MAX_IN_FLIGHT_BYTES);
        assertThat(held).as("bytes of the two saturating requests").isLessThanOrEqualTo(MAX_IN_FLIGHT_BYTES);

        CompletableFuture<HttpResponse<String>> http = publisher.postEventsAsync(httpBody);
        ListenableFuture<PublishEventsResponse> grpc = publisher.grpcFutures().publishEvents(grpcRequest);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> service.inFlightBytes() == held);
        return new Saturation(http, grpc);
    }

    private static String httpBody(Map<String, Object> event) {
        event.put("payload_json", Map.of("blob", "b".repeat(PAYLOAD_BYTES - 20)));
        return TestEvents.body(List.of(event));
    }

    private static PublishEventsRequest grpcRequest(Priority priority) {
        return PublishEventsRequest.newBuilder().addEvents(TestEvents.proto(priority)
                .setPayload(ByteString.copyFrom(new byte[PAYLOAD_BYTES]))).build();
    }

    /** The two accepted requests, answered once their events fell back from the hung primary. */
    private record Saturation(CompletableFuture<HttpResponse<String>> http,
            ListenableFuture<PublishEventsResponse> grpc) {

        int events() {
            return 2;
        }

        void assertEveryAcceptedEventStoredAndFound() throws Exception {
            HttpResponse<String> httpAnswer = http.get(30, TimeUnit.SECONDS);
            assertThat(httpAnswer.statusCode()).as(httpAnswer.body()).isEqualTo(200);
            List<Receipt> receipts = new ArrayList<>(Receipt.fromHttp(httpAnswer.body()));
            receipts.addAll(Receipt.fromGrpc(grpc.get(30, TimeUnit.SECONDS)));
            assertThat(receipts).hasSize(events()).allSatisfy(receipt -> {
                assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("alternate");
                alternate.find(receipt);
            });
        }
    }
}
