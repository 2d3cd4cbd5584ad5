package io.eventgateway.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.adapters.kafka.topics.TopicApplyReport;
import io.eventgateway.bootstrap.topics.TopicsApplier;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's gateway on a shared broker process, under its own topic prefix: a {@code publisher,orchestrator}
 * process on fixed ports (so a restart comes back where its clients look) and processor processes running the demo
 * handler into one ledger, every TTL and interval short so faults heal in seconds.
 */
final class ScenarioGateway {

    static final Duration LEASE_TTL = Duration.ofSeconds(2);
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    static final int PROCESSOR_CONCURRENCY = 16;
    static final int PROCESSOR_MAX_TASKS_PER_FETCH = 16;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String brokers;
    private final String prefix;
    private final Path dir;
    private final int grpcPort = GatewayProcess.freePort();
    private final int httpPort = GatewayProcess.freePort();
    private final int publisherGrpcPort = GatewayProcess.freePort();

    ScenarioGateway(String brokers, String prefix, Path dir) {
        this.brokers = brokers;
        this.prefix = prefix;
        this.dir = dir;
    }

    /** What every process of the scenario (and {@code topics apply}) reads. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", brokers);
        properties.put("eventgateway.topics.prefix", prefix);
        properties.put("eventgateway.topics.replication-factor", "1");
        properties.put("eventgateway.topics.min-insync-replicas", "1");
        for (String topic : List.of("p30", "p20", "p10", "offload", "retry", "dlq", "response", "failed-writes")) {
            properties.put("eventgateway.topics." + topic + "-partitions", "2");
        }
        properties.put("eventgateway.orchestrator.group-id", prefix + "orchestrators");
        properties.put("eventgateway.orchestrator.transactional-id-prefix", prefix + "tx");
        properties.put("eventgateway.orchestrator.lease-ttl", LEASE_TTL.toMillis() + "ms");
        properties.put("eventgateway.orchestrator.commit-interval", COMMIT_INTERVAL.toMillis() + "ms");
        properties.put("eventgateway.orchestrator.in-memory-retry-delay", "200ms");
        properties.put("eventgateway.orchestrator.poll-timeout", "100ms");
        properties.put("eventgateway.flow-control.interval", "200ms");
        properties.put("eventgateway.flow-control.stale-after", "2s");
        properties.put("eventgateway.processor.demo-retry-rate", "0");
        properties.put("eventgateway.processor.demo-latency", "1ms");
        properties.put("eventgateway.processor.long-poll-wait", "200ms");
        properties.put("eventgateway.processor.concurrency", Integer.toString(PROCESSOR_CONCURRENCY));
        properties.put("eventgateway.processor.max-tasks-per-fetch", Integer.toString(PROCESSOR_MAX_TASKS_PER_FETCH));
        return properties;
    }

    /** {@code topics apply}, in this JVM: the topics must exist before the roles start on a real cluster. */
    void applyTopics() {
        Map<String, Object> properties = new HashMap<>(properties());
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                .properties(properties).start()) {
            for (TopicApplyReport report : context.getBean(TopicsApplier.class).apply(false)) {
                if (report.hasUnfixableDrift()) {
                    throw new IllegalStateException("topics drifted:\n" + report.render());
                }
            }
        }
    }

    /** The publisher and orchestrator (replica 0) in one process, on this scenario's fixed ports. */
    GatewayProcess startGateway(String name) {
        Map<String, String> properties = properties();
        properties.put("micronaut.server.port", Integer.toString(httpPort));
        properties.put("grpc.server.port", Integer.toString(grpcPort));
        return GatewayProcess.start(name, dir, "256m", properties, "running, HTTP on port",
                "--role", "publisher,orchestrator", "--index", "0");
    }

    /**
     * The orchestrator (replica 0) alone on this scenario's fixed ports, its publisher in {@link #startPublisher}: a
     * fault of the orchestrator then leaves ingest running.
     */
    GatewayProcess startOrchestrator(String name) {
        Map<String, String> properties = properties();
        properties.put("micronaut.server.port", Integer.toString(httpPort));
        properties.put("grpc.server.port", Integer.toString(grpcPort));
        return GatewayProcess.start(name, dir, "256m", properties, "running, HTTP on port",
                "--role", "orchestrator", "--index", "0");
    }

    /** A publisher alone, taking ingest on {@link #publisherTarget}. */
    GatewayProcess startPublisher(String name) {
        Map<String, String> properties = properties();
        properties.put("micronaut.server.port", Integer.toString(GatewayProcess.freePort()));
        properties.put("grpc.server.port", Integer.toString(publisherGrpcPort));
        return GatewayProcess.start(name, dir, "192m", properties, "running, HTTP on port", "--role", "publisher");
    }

    /** A processor leasing from the gateway's orchestrator, the demo handler appending to {@link #ledger}. */
    GatewayProcess startProcessor(String name) {
        Map<String, String> properties = properties();
        properties.put("micronaut.server.port", Integer.toString(GatewayProcess.freePort()));
        properties.put("eventgateway.processor.demo-ledger", ledger().toString());
        return GatewayProcess.start(name, dir, "128m", properties, "running, HTTP on port",
                "--role", "processor", "--orchestrators", "127.0.0.1:" + grpcPort);
    }

    /** The orchestrator's {@code GET /v1/status}. */
    JsonNode status() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/v1/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String target() {
        return "127.0.0.1:" + grpcPort;
    }

    String publisherTarget() {
        return "127.0.0.1:" + publisherGrpcPort;
    }

    String brokers() {
        return brokers;
    }

    String prefix() {
        return prefix;
    }

    Path ledger() {
        return dir.resolve("ledger.csv");
    }

    Path record() {
        return dir.resolve("accepted.csv");
    }
}
