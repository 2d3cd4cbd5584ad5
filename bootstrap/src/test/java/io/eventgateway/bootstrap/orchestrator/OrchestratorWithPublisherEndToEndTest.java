package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsRequest;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Publisher and orchestrator in one process: events published over gRPC {@code Ingest} are leased over gRPC
 * {@code Tasks} from the same server, in deadline order, with the publisher's payload limit raised to 3 MiB and the P10
 * deadline floor lowered to 1 s.
 */
class OrchestratorWithPublisherEndToEndTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final int TWO_MIB = 2 << 20;

    private static RunningOrchestrator gateway;
    private static SimulatedProcessor processor;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        String prefix = TestTopics.unique("both") + ".";
        OrchestratorTopics.apply(servers, prefix);
        gateway = RunningOrchestrator.start("publisher,orchestrator", servers, prefix, 0, 1, Map.of(
                "eventgateway.publisher.max-payload-bytes", 3 << 20,
                // The default P10 floor (1 min) would refuse a P10 deadline earlier than a P30 SLO.
                "eventgateway.slo.p10-floor", "1s",
                "eventgateway.flow-control.interval", "100ms",
                "eventgateway.flow-control.stale-after", "1s"));
        processor = new SimulatedProcessor(servers, prefix);
    }

    @AfterAll
    static void stop() {
        try {
            processor.close();
        } finally {
            gateway.close();
        }
    }

    @Test
    void aPublishedP10EventDueSoonerIsLeasedBeforeAPublishedP30EventDueLater() {
        Instant now = Instant.now();
        Event p30 = event(Priority.P30, now.plusSeconds(4), 64);
        Event p10 = event(Priority.P10, now.plusSeconds(2), 64);
        publish(p30, p10);
        await().atMost(AWAIT).until(() -> gateway.status().lanes().get(Lane.P30).buffered() == 1
                && gateway.status().lanes().get(Lane.P10).buffered() == 1);

        FetchNextBatchResponse first = SimulatedProcessor.fetch(gateway, 1, 1L << 20, Duration.ZERO);
        FetchNextBatchResponse second = SimulatedProcessor.fetch(gateway, 1, 1L << 20, Duration.ZERO);
        processor.ack(first);
        processor.ack(second);

        assertThat(List.of(eventIdOf(first), eventIdOf(second))).containsExactly(p10.getEventId(),
                p30.getEventId());
    }

    @Test
    void aPublishedTwoMebibyteEventIsLeasedAloneWhenABatchMayHoldOneMebibyte() {
        Instant now = Instant.now();
        Event big = event(Priority.P20, now.plusSeconds(10), TWO_MIB);
        Event small = event(Priority.P20, now.plusSeconds(20), 64);
        publish(big, small);
        await().atMost(AWAIT).until(() -> gateway.status().lanes().get(Lane.P20).buffered() == 2);

        FetchNextBatchResponse batch = SimulatedProcessor.fetch(gateway, 10, 1L << 20, Duration.ZERO);
        FetchNextBatchResponse rest = SimulatedProcessor.fetch(gateway, 10, 1L << 20, Duration.ZERO);
        processor.ack(batch);
        processor.ack(rest);

        assertThat(batch.getTasksList()).hasSize(1);
        assertThat(eventIdOf(batch)).isEqualTo(big.getEventId());
        assertThat(LaneRecords.decode(batch.getTasks(0).getStoredRecord().toByteArray()).record().payload().size())
                .isEqualTo(TWO_MIB);
        assertThat(eventIdOf(rest)).isEqualTo(small.getEventId());
    }

    private static Event event(Priority priority, Instant deadline, int payloadBytes) {
        return Event.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCompanyId("acme")
                .setSourceName("checkout")
                .setEventType("order.created")
                .setPriority(priority)
                .setSloDeadline(Timestamp.newBuilder().setSeconds(deadline.getEpochSecond())
                        .setNanos(deadline.getNano()))
                .setPayload(ByteString.copyFrom(new byte[payloadBytes]))
                .build();
    }

    private static void publish(Event... events) {
        PublishEventsResponse response = IngestGrpc.newBlockingStub(gateway.channel())
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .publishEvents(PublishEventsRequest.newBuilder().addAllEvents(List.of(events)).build());
        assertThat(response.getResultsList()).as("%s", response).extracting(EventResult::getStatus)
                .containsOnly(EventResult.Status.STORED);
    }

    private static String eventIdOf(FetchNextBatchResponse batch) {
        assertThat(batch.getTasksList()).hasSize(1);
        return LaneRecords.decode(batch.getTasks(0).getStoredRecord().toByteArray()).record().eventId();
    }
}
