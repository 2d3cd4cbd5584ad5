package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.KafkaResponsePublisher;
import io.eventgateway.sdk.processor.ProcessorRunner;
import io.eventgateway.sdk.processor.ResponsePublisher;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Processors in front of a gateway they reach over gRPC, as {@code --role processor --orchestrators host:port} runs
 * them: one killed mid-batch loses nothing, and the processor role forwards to an HTTP endpoint.
 */
class RemoteProcessorsEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GatewayForProcessors gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayForProcessors.start(SharedKafkaBroker.bootstrapServers(), TestTopics.unique("remote") + ".");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theLeasesOfAProcessorKilledMidBatchExpireAndAnotherProcessorFinishesEveryEvent() {
        int events = 40;
        long acksBefore = gateway.acks();
        long expiriesBefore = gateway.expiredLeases();
        List<String> published = gateway.publish(events);
        Set<String> heldByA = ConcurrentHashMap.newKeySet();
        CountDownLatch unblockA = new CountDownLatch(1);
        ManagedChannel channelOfA = ManagedChannelBuilder.forTarget(gateway.target()).usePlaintext().build();
        SeveredPublisher responsesOfA = new SeveredPublisher(KafkaResponsePublisher.create(gateway.bootstrapServers(),
                gateway.prefix()));
        Set<String> processedByB = ConcurrentHashMap.newKeySet();
        try (ProcessorRunner processorA = ProcessorRunner.builder()
                .channel(channelOfA)
                .responsePublisher(responsesOfA)
                .processorId("processor-a")
                .concurrency(events)
                .maxTasksPerFetch(events)
                .longPollWait(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(500))
                .shutdownGrace(Duration.ofMillis(200))
                .handler(event -> {
                    heldByA.add(event.eventId());
                    unblockA.await();
                    return HandlerOutcome.ack();
                })
                .build().start()) {
            await().atMost(AWAIT).until(() -> heldByA.size() == events);

            // The crash: the process's sockets close and whatever it decides later never reaches Kafka.
            responsesOfA.sever();
            channelOfA.shutdownNow();
            unblockA.countDown();

            try (ProcessorRunner processorB = ProcessorRunner.builder()
                    .target(gateway.target())
                    .usePlaintext()
                    .responseTopic(gateway.bootstrapServers(), gateway.prefix())
                    .processorId("processor-b")
                    .concurrency(8)
                    .longPollWait(Duration.ofMillis(200))
                    .handler(event -> {
                        processedByB.add(event.eventId());
                        return HandlerOutcome.ack();
                    })
                    .build().start()) {
                await().atMost(AWAIT).untilAsserted(() -> assertThat(gateway.acks() - acksBefore).isEqualTo(events));
                assertThat(processorB.stats().acked()).isEqualTo(events);
            }
        } finally {
            unblockA.countDown();
            responsesOfA.close();
        }
        assertThat(processedByB).containsExactlyInAnyOrderElementsOf(published);
        assertThat(gateway.expiredLeases() - expiriesBefore).isGreaterThanOrEqualTo(events);
        assertThat(responsesOfA.sent.get()).isZero();
    }

    @Test
    void theProcessorRoleWithTheHttpHandlerForwardsEveryEventToTheEndpointInBatches() throws IOException {
        int events = 30;
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Set<String> forwarded = ConcurrentHashMap.newKeySet();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/events", exchange -> {
            JsonNode batch = JSON.readTree(exchange.getRequestBody()).get("events");
            batchSizes.add(batch.size());
            batch.forEach(event -> forwarded.add(event.get("event_id").asText()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        long acksBefore = gateway.acks();
        GatewayRuntime processor = GatewayRuntime.start(new LaunchOptions(RoleSet.parse("processor"), false, null,
                Map.of("micronaut.server.port", -1,
                        "kafka.health.enabled", false,
                        GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, gateway.bootstrapServers(),
                        "eventgateway.topics.prefix", gateway.prefix(),
                        "eventgateway.processor.orchestrators", List.of(gateway.target()),
                        "eventgateway.processor.long-poll-wait", "200ms",
                        "eventgateway.processor.handler", "http",
                        "eventgateway.processor.http-url",
                        "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/events",
                        "eventgateway.processor.http-max-batch", 10)));
        try {
            assertThat(processor.infrastructure()).isEmpty();
            assertThat(processor.context().findBean(GrpcEmbeddedServer.class)).isEmpty();

            List<String> published = gateway.publish(events);

            await().atMost(AWAIT).untilAsserted(() -> assertThat(gateway.acks() - acksBefore).isEqualTo(events));
            assertThat(forwarded).containsExactlyInAnyOrderElementsOf(published);
            assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 10));
        } finally {
            processor.close();
            endpoint.stop(0);
        }
    }

    /** A's response path; {@link #sever()} is the crash: from then on nothing it publishes leaves the process. */
    private static final class SeveredPublisher implements ResponsePublisher {

        private final ResponsePublisher delegate;
        private final AtomicBoolean severed = new AtomicBoolean();
        final AtomicInteger sent = new AtomicInteger();

        SeveredPublisher(ResponsePublisher delegate) {
            this.delegate = delegate;
        }

        void sever() {
            severed.set(true);
        }

        @Override
        public void publish(int replicaIndex, TaskResponse response) {
            if (!severed.get()) {
                sent.incrementAndGet();
                delegate.publish(replicaIndex, response);
            }
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
