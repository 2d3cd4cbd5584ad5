package io.eventgateway.bootstrap.publisher;

import io.eventgateway.application.ingest.PublishEventsService;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The publisher role running in this JVM, as a test class starts it once: {@link GatewayRuntime} on random HTTP and
 * gRPC ports, with clients for both and access to the beans the tests observe.
 */
public final class RunningPublisher implements AutoCloseable {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayRuntime runtime;
    private final HttpClient http;
    private final ManagedChannel channel;

    private RunningPublisher(GatewayRuntime runtime) {
        this.runtime = runtime;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().build();
    }

    /**
     * The properties every test publisher shares: random ports, the primary cluster, a topic prefix of its own and
     * small topics on a single node. {@code overrides} win.
     */
    public static RunningPublisher start(String primaryBootstrapServers, String topicPrefix, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        properties.put(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, primaryBootstrapServers);
        properties.put("eventgateway.topics.prefix", topicPrefix);
        properties.putAll(PlannedTopics.configuration());
        properties.put("eventgateway.flow-control.interval", "100ms");
        properties.put("eventgateway.flow-control.stale-after", "1s");
        properties.putAll(overrides);
        return new RunningPublisher(GatewayRuntime.start(new LaunchOptions(RoleSet.parse("publisher"), false, null,
                properties)));
    }

    public int httpPort() {
        return runtime.httpPort();
    }

    public int grpcPort() {
        return runtime.context().getBean(GrpcEmbeddedServer.class).getPort();
    }

    public <T> T bean(Class<T> type) {
        return runtime.context().getBean(type);
    }

    PublishEventsService publishService() {
        return (PublishEventsService) bean(PublishEventsUseCase.class);
    }

    /** The sum of every counter of that name whose tags include {@code tags} (key, value, key, value...). */
    public double counter(String name, String... tags) {
        return bean(MeterRegistry.class).find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    public IngestGrpc.IngestBlockingStub grpc() {
        return IngestGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    IngestGrpc.IngestFutureStub grpcFutures() {
        return IngestGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** Posts {@code events} and returns their receipts, failing unless the answer is 200 with one per event. */
    public List<Receipt> publishOverHttp(List<?> events) {
        HttpResponse<String> response = postEvents(TestEvents.body(events));
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /v1/events answered " + response.statusCode() + ": " + response.body());
        }
        List<Receipt> receipts = Receipt.fromHttp(response.body());
        if (receipts.size() != events.size()) {
            throw new AssertionError(events.size() + " events got " + receipts.size() + " receipts: " + receipts);
        }
        return receipts;
    }

    public List<Receipt> publishOverGrpc(List<Event> events) {
        List<Receipt> receipts = Receipt.fromGrpc(grpc().publishEvents(
                PublishEventsRequest.newBuilder().addAllEvents(events).build()));
        if (receipts.size() != events.size()) {
            throw new AssertionError(events.size() + " events got " + receipts.size() + " receipts: " + receipts);
        }
        return receipts;
    }

    HttpResponse<String> postEvents(String body) {
        return send(request("/v1/events").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    CompletableFuture<HttpResponse<String>> postEventsAsync(String body) {
        return http.sendAsync(request("/v1/events").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.shutdownNow();
        } finally {
            runtime.close();
        }
    }
}
