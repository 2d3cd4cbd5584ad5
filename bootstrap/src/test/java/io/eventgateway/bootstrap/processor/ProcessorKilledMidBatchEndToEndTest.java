package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.sdk.processor.HandlerOutcome;
import io.eventgateway.sdk.processor.KafkaResponsePublisher;
import io.eventgateway.sdk.processor.ProcessorRunner;
import io.eventgateway.sdk.processor.ResponsePublisher;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor that dies holding a batch: its connections vanish with no Release and no response, its leases run out
 * (TTL 1 s), and another processor finishes the work. Nothing is lost.
 */
class ProcessorKilledMidBatchEndToEndTest {

    private static final int EVENTS = 40;
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private GatewayForProcessors gateway;
    private ManagedChannel channelOfA;
    private SeveredPublisher responsesOfA;
    private ProcessorRunner processorA;
    private ProcessorRunner processorB;
    private final CountDownLatch unblockA = new CountDownLatch(1);

    @BeforeEach
    void start() {
        gateway = GatewayForProcessors.start(SharedKafkaBroker.bootstrapServers(), TestTopics.unique("crash") + ".");
    }

    @AfterEach
    void stop() {
        unblockA.countDown();
        try {
            if (processorA != null) {
                processorA.close();
            }
            if (processorB != null) {
                processorB.close();
            }
        } finally {
            if (responsesOfA != null) {
                responsesOfA.close();
            }
            gateway.close();
        }
    }

    @Test
    void theLeasesOfAProcessorKilledMidBatchExpireAndAnotherProcessorFinishesEveryEvent() {
        List<String> published = gateway.publish(EVENTS);
        Set<String> heldByA = ConcurrentHashMap.newKeySet();
        channelOfA = ManagedChannelBuilder.forTarget(gateway.target()).usePlaintext().build();
        responsesOfA = new SeveredPublisher(KafkaResponsePublisher.create(gateway.bootstrapServers(),
                gateway.prefix()));
        processorA = ProcessorRunner.builder()
                .channel(channelOfA)
                .responsePublisher(responsesOfA)
                .processorId("processor-a")
                .concurrency(EVENTS)
                .maxTasksPerFetch(EVENTS)
                .longPollWait(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(500))
                .shutdownGrace(Duration.ofMillis(200))
                .handler(event -> {
                    heldByA.add(event.eventId());
                    unblockA.await();
                    return HandlerOutcome.ack();
                })
                .build().start();
        await().atMost(AWAIT).until(() -> heldByA.size() == EVENTS);

        // The crash: the process's sockets close and whatever it decides later never reaches Kafka.
        responsesOfA.sever();
        channelOfA.shutdownNow();
        unblockA.countDown();

        Set<String> processedByB = ConcurrentHashMap.newKeySet();
        processorB = ProcessorRunner.builder()
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
                .build().start();

        await().atMost(AWAIT).untilAsserted(() -> assertThat(gateway.acks()).isEqualTo(EVENTS));
        assertThat(processedByB).containsExactlyInAnyOrderElementsOf(published);
        assertThat(gateway.expiredLeases()).isGreaterThanOrEqualTo(EVENTS);
        assertThat(responsesOfA.sent.get()).isZero();
        assertThat(processorB.stats().acked()).isEqualTo(EVENTS);
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
