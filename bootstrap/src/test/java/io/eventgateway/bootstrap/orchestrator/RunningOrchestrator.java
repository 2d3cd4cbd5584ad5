package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.protocol.v1.TasksGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One orchestrator replica running in this JVM through {@link GatewayRuntime}, configured small and fast (lease 500 ms,
 * tick 20 ms, commits every 100 ms), with a gRPC channel to its Tasks service.
 */
final class RunningOrchestrator implements AutoCloseable {

    static final Duration LEASE_TTL = Duration.ofMillis(500);

    private final GatewayRuntime runtime;
    private final ManagedChannel channel;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RunningOrchestrator(GatewayRuntime runtime) {
        this.runtime = runtime;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext()
                .maxInboundMessageSize(16 << 20).build();
    }

    /** The group id every replica of a test class commits under. */
    static String groupId(String prefix) {
        return prefix + "orchestrators";
    }

    static Map<String, Object> properties(String bootstrapServers, String prefix, int index, int replicas) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        properties.put("kafka.health.enabled", false);
        properties.put(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        properties.put("eventgateway.topics.prefix", prefix);
        properties.put("eventgateway.topics.retry-levels", OrchestratorTopics.RETRY_LEVELS);
        properties.put("eventgateway.topics.orchestrator-replicas", replicas);
        properties.put("eventgateway.orchestrator.index", index);
        properties.put("eventgateway.orchestrator.lease-ttl", LEASE_TTL.toMillis() + "ms");
        properties.put("eventgateway.orchestrator.tick-interval", "20ms");
        properties.put("eventgateway.orchestrator.commit-interval", "100ms");
        properties.put("eventgateway.orchestrator.poll-timeout", "50ms");
        properties.put("eventgateway.orchestrator.memory-budget-bytes", 64L << 20);
        properties.put("eventgateway.orchestrator.group-id", groupId(prefix));
        properties.put("eventgateway.orchestrator.transactional-id-prefix", prefix + "tx");
        return properties;
    }

    static RunningOrchestrator start(String bootstrapServers, String prefix, Map<String, Object> overrides) {
        return start(bootstrapServers, prefix, 0, 1, overrides);
    }

    static RunningOrchestrator start(String bootstrapServers, String prefix, int index, int replicas,
            Map<String, Object> overrides) {
        return start("orchestrator", bootstrapServers, prefix, index, replicas, overrides);
    }

    /** @param roles the {@code --role} value, e.g. {@code publisher,orchestrator} */
    static RunningOrchestrator start(String roles, String bootstrapServers, String prefix, int index, int replicas,
            Map<String, Object> overrides) {
        Map<String, Object> properties = properties(bootstrapServers, prefix, index, replicas);
        properties.putAll(overrides);
        return new RunningOrchestrator(GatewayRuntime.start(new LaunchOptions(RoleSet.parse(roles), false, null,
                properties)));
    }

    ManagedChannel channel() {
        return channel;
    }

    int grpcPort() {
        return runtime.context().getBean(GrpcEmbeddedServer.class).getPort();
    }

    <T> T bean(Class<T> type) {
        return runtime.context().getBean(type);
    }

    DispatchService service() {
        return bean(DispatchService.class);
    }

    OrchestratorStatus status() {
        return service().status();
    }

    boolean isRunning() {
        return runtime.context().isRunning();
    }

    TasksGrpc.TasksBlockingStub tasks() {
        return TasksGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    TasksGrpc.TasksFutureStub tasksAsync() {
        return TasksGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + path, e);
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
