package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A gateway running the publisher and orchestrator roles on the shared broker, configured fast (lease 1 s, tick
 * 20 ms), for processors to lease from over loopback gRPC: what {@code --role processor --orchestrators} talks to.
 */
final class GatewayForProcessors implements AutoCloseable {

    static final Duration LEASE_TTL = Duration.ofSeconds(1);
    private static final int PARTITIONS = 2;

    private final String bootstrapServers;
    private final String prefix;
    private final GatewayRuntime runtime;
    private final ManagedChannel channel;

    private GatewayForProcessors(String bootstrapServers, String prefix, GatewayRuntime runtime) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
        this.runtime = runtime;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().build();
    }

    static GatewayForProcessors start(String bootstrapServers, String prefix) {
        applyTopics(bootstrapServers, prefix);
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("grpc.server.port", 0);
        properties.put("kafka.health.enabled", false);
        properties.put(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        properties.put("eventgateway.topics.prefix", prefix);
        properties.put("eventgateway.topics.retry-levels", 1);
        properties.put("eventgateway.topics.orchestrator-replicas", 1);
        properties.put("eventgateway.orchestrator.index", 0);
        properties.put("eventgateway.orchestrator.lease-ttl", LEASE_TTL.toMillis() + "ms");
        properties.put("eventgateway.orchestrator.tick-interval", "20ms");
        properties.put("eventgateway.orchestrator.commit-interval", "100ms");
        properties.put("eventgateway.orchestrator.poll-timeout", "50ms");
        properties.put("eventgateway.orchestrator.in-memory-retry-delay", "100ms");
        properties.put("eventgateway.orchestrator.memory-budget-bytes", 64L << 20);
        properties.put("eventgateway.orchestrator.group-id", prefix + "orchestrators");
        properties.put("eventgateway.orchestrator.transactional-id-prefix", prefix + "tx");
        properties.put("eventgateway.flow-control.interval", "100ms");
        properties.put("eventgateway.flow-control.stale-after", "1s");
        return new GatewayForProcessors(bootstrapServers, prefix, GatewayRuntime.start(new LaunchOptions(
                RoleSet.parse("publisher,orchestrator"), false, null, properties)));
    }

    private static void applyTopics(String bootstrapServers, String prefix) {
        TopicSettings settings = new TopicSettings(
                new PartitionCounts(PARTITIONS, PARTITIONS, PARTITIONS, PARTITIONS, PARTITIONS, 1, PARTITIONS, 1,
                        PARTITIONS, 1),
                1, PARTITIONS, 1, 1, Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(8));
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(Cluster.PRIMARY,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(30))) {
            admin.apply(TopicPlan.of(new TopicNames(prefix), settings).forCluster(Cluster.PRIMARY), false);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String prefix() {
        return prefix;
    }

    int grpcPort() {
        return runtime.context().getBean(GrpcEmbeddedServer.class).getPort();
    }

    String target() {
        return "127.0.0.1:" + grpcPort();
    }

    long acks() {
        return runtime.context().getBean(DispatchService.class).status().counters().acks();
    }

    long expiredLeases() {
        return runtime.context().getBean(DispatchService.class).status().leases().expired();
    }

    /** Publishes {@code count} P30 events over gRPC Ingest; returns their ids once every one is stored. */
    List<String> publish(int count) {
        PublishEventsRequest.Builder request = PublishEventsRequest.newBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            request.addEvents(Event.newBuilder().setEventId(id).setCompanyId("acme").setSourceName("checkout")
                    .setEventType("order.created").setGroupKey("order-" + i).setPriority(Priority.P30)
                    .setPayload(ByteString.copyFromUtf8("{\"n\":" + i + "}")).build());
        }
        PublishEventsResponse response = IngestGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .publishEvents(request.build());
        assertThat(response.getResultsList()).extracting(EventResult::getStatus)
                .containsOnly(EventResult.Status.STORED);
        return List.copyOf(ids);
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
