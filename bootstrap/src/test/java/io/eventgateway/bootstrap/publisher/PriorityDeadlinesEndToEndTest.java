package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every priority, over HTTP and gRPC, lands on its lane topic of the primary cluster with {@code slo_deadline =
 * ingest + SLO} (the defaults: P30 5 s, P20 1 min, P10 20 min), or the earlier deadline the producer asked for. Each
 * record is read back from Kafka where the receipt says it is.
 */
class PriorityDeadlinesEndToEndTest {

    private static final String PREFIX = TestTopics.unique("slo") + ".";
    private static final Map<Priority, Duration> DEFAULT_SLO = Map.of(
            Priority.P30, Duration.ofSeconds(5), Priority.P20, Duration.ofMinutes(1), Priority.P10,
            Duration.ofMinutes(20));
    /** Earlier than each priority's SLO, later than its floor (500 ms, 5 s, 1 min). */
    private static final Map<Priority, Duration> EARLIER_LEAD = Map.of(
            Priority.P30, Duration.ofSeconds(2), Priority.P20, Duration.ofSeconds(30), Priority.P10,
            Duration.ofMinutes(5));

    private static RunningPublisher publisher;
    private static KafkaRecords primary;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        PlannedTopics.apply(servers, PREFIX, Cluster.PRIMARY);
        publisher = RunningPublisher.start(servers, PREFIX, Map.of());
        primary = new KafkaRecords(servers);
    }

    @AfterAll
    static void stop() {
        try {
            primary.close();
        } finally {
            publisher.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void overHttpAnEventLandsOnItsLaneTopicDueAtIngestPlusTheSlo(Priority priority) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Receipt receipt = publishOverHttp(TestEvents.json(priority.name()));
        Instant after = Instant.now();

        DecodedRecord stored = primary.find(storedOnLaneTopic(receipt, priority));

        assertThat(stored.record().ingestedAt()).isBetween(before, after);
        assertThat(stored.record().sloDeadline())
                .isEqualTo(stored.record().ingestedAt().plus(DEFAULT_SLO.get(priority)));
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void overGrpcAnEventLandsOnItsLaneTopicDueAtIngestPlusTheSlo(Priority priority) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Receipt receipt = publishOverGrpc(TestEvents.proto(proto(priority)).build());
        Instant after = Instant.now();

        DecodedRecord stored = primary.find(storedOnLaneTopic(receipt, priority));

        assertThat(stored.record().ingestedAt()).isBetween(before, after);
        assertThat(stored.record().sloDeadline())
                .isEqualTo(stored.record().ingestedAt().plus(DEFAULT_SLO.get(priority)));
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void overHttpAnEarlierRequestedDeadlineIsTheStoredOne(Priority priority) {
        Instant requested = Instant.now().plus(EARLIER_LEAD.get(priority)).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> event = TestEvents.json(priority.name());
        event.put("slo_deadline", requested.toString());

        DecodedRecord stored = primary.find(storedOnLaneTopic(publishOverHttp(event), priority));

        assertThat(stored.record().sloDeadline()).isEqualTo(requested);
    }

    @ParameterizedTest
    @EnumSource(Priority.class)
    void overGrpcAnEarlierRequestedDeadlineIsTheStoredOne(Priority priority) {
        Instant requested = Instant.now().plus(EARLIER_LEAD.get(priority)).truncatedTo(ChronoUnit.MILLIS);

        DecodedRecord stored = primary.find(storedOnLaneTopic(publishOverGrpc(TestEvents.proto(proto(priority))
                .setSloDeadline(timestamp(requested)).build()), priority));

        assertThat(stored.record().sloDeadline()).isEqualTo(requested);
    }

    @Test
    void aRequestedDeadlineLaterThanTheSloIsIgnoredForTheSloDeadline() {
        Map<String, Object> event = TestEvents.json("P30");
        event.put("slo_deadline", Instant.now().plus(Duration.ofHours(1)).toString());

        DecodedRecord stored = primary.find(storedOnLaneTopic(publishOverHttp(event), Priority.P30));

        assertThat(stored.record().sloDeadline())
                .isEqualTo(stored.record().ingestedAt().plus(DEFAULT_SLO.get(Priority.P30)));
    }

    private static Receipt publishOverHttp(Map<String, Object> event) {
        Receipt receipt = publisher.publishOverHttp(List.of(event)).get(0);
        assertThat(receipt.eventId()).isEqualTo(event.get("event_id"));
        return receipt;
    }

    private static Receipt publishOverGrpc(io.eventgateway.protocol.v1.Event event) {
        Receipt receipt = publisher.publishOverGrpc(List.of(event)).get(0);
        assertThat(receipt.eventId()).isEqualTo(event.getEventId());
        return receipt;
    }

    private static Receipt storedOnLaneTopic(Receipt receipt, Priority priority) {
        String lane = Lane.of(priority).shortName();
        assertThat(receipt.status()).as("%s", receipt).isEqualTo("STORED");
        assertThat(receipt.storedIn()).isEqualTo("primary");
        assertThat(receipt.priority()).isEqualTo(priority.name());
        assertThat(receipt.lane()).isEqualTo(lane);
        assertThat(receipt.location()).startsWith(PREFIX + lane + "/");
        return receipt;
    }

    private static io.eventgateway.protocol.v1.Priority proto(Priority priority) {
        return io.eventgateway.protocol.v1.Priority.valueOf(priority.name());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
