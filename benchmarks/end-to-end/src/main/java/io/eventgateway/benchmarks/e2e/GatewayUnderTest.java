package io.eventgateway.benchmarks.e2e;

import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.sdk.processor.EventHandler;
import io.eventgateway.sdk.processor.ProcessorRunner;
import io.eventgateway.sdk.producer.EventGatewayProducer;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Every gateway role in this JVM on the bench broker: publisher and orchestrator through {@link GatewayRuntime} (the
 * bootstrap jar's own start path) with the shipped defaults, and the processor as the SDK's {@link ProcessorRunner}
 * configured as the processor role configures it (concurrency 64, 100 tasks a fetch, 1 s long poll), with the
 * bench's measuring no-op handler in place of the demo handler, which records no latency.
 */
final class GatewayUnderTest implements AutoCloseable {

    private static final int RETRY_LEVELS = 3;

    private final GatewayRuntime runtime;
    private final ProcessorRunner processor;
    private final DispatchService dispatch;
    private final String target;

    private GatewayUnderTest(GatewayRuntime runtime, ProcessorRunner processor) {
        this.runtime = runtime;
        this.processor = processor;
        this.dispatch = runtime.context().getBean(DispatchService.class);
        this.target = target(runtime);
    }

    static GatewayUnderTest start(String bootstrap, int partitions, EventHandler handler) {
        String prefix = "bench" + System.nanoTime() + ".";
        createTopics(bootstrap, prefix, partitions);
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        properties.put("kafka.health.enabled", false);
        properties.put(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, bootstrap);
        properties.put("eventgateway.topics.prefix", prefix);
        properties.put("eventgateway.topics.replication-factor", 1);
        properties.put("eventgateway.topics.min-insync-replicas", 1);
        properties.put("eventgateway.topics.retry-levels", RETRY_LEVELS);
        properties.put("eventgateway.orchestrator.group-id", prefix + "orchestrators");
        properties.put("eventgateway.orchestrator.transactional-id-prefix", prefix + "tx");
        // The bench has no alternate cluster or S3 spool to fall back to, and on a shared 2-core box a primary write
        // can outlast the default 2 s; a slow write must count as latency, not as an UNAVAILABLE event.
        properties.put("eventgateway.publisher.primary-timeout", "10s");
        GatewayRuntime runtime = GatewayRuntime.start(new LaunchOptions(RoleSet.parse("publisher,orchestrator"), false,
                null, properties));
        try {
            ProcessorRunner processor = ProcessorRunner.builder()
                    .target(target(runtime))
                    .usePlaintext()
                    .handler(handler)
                    .responseTopic(bootstrap, prefix)
                    .processorId("bench-processor")
                    .concurrency(64)
                    .maxTasksPerFetch(100)
                    .longPollWait(Duration.ofSeconds(1))
                    .build()
                    .start();
            return new GatewayUnderTest(runtime, processor);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static String target(GatewayRuntime runtime) {
        return "localhost:" + runtime.context().getBean(GrpcEmbeddedServer.class).getPort();
    }

    private static void createTopics(String bootstrap, String prefix, int partitions) {
        int p = partitions;
        TopicSettings settings = new TopicSettings(new PartitionCounts(p, p, p, p, p, 4, p, 1, p, 1), RETRY_LEVELS, 1,
                1, 1, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(8));
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(Cluster.PRIMARY,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), Duration.ofSeconds(30))) {
            admin.apply(TopicPlan.of(new TopicNames(prefix), settings).forCluster(Cluster.PRIMARY), false);
        }
    }

    /** A producer client of this gateway's gRPC ingest; {@code maxAttempts} 1 for a flood that must not retry. */
    EventGatewayProducer producer(int maxAttempts) {
        return EventGatewayProducer.builder().target(target).usePlaintext().maxAttempts(maxAttempts)
                .callTimeout(Duration.ofSeconds(30)).build();
    }

    /** The P30 SLO the gateway runs with ({@code eventgateway.slo.p30}). */
    Duration p30Slo() {
        return runtime.context().getRequiredProperty("eventgateway.slo.p30", Duration.class);
    }

    /** The P30 entry of one of the orchestrator's per-priority counters. */
    static long p30(Map<Priority, Long> counts) {
        return counts.getOrDefault(Priority.P30, 0L);
    }

    OrchestratorStatus status() {
        return dispatch.status();
    }

    /** Responses applied as ACKs by the orchestrator: the event is done and its offset may be committed. */
    long acks() {
        return dispatch.status().counters().acks();
    }

    @Override
    public void close() {
        try {
            processor.close();
        } finally {
            runtime.close();
        }
    }
}
