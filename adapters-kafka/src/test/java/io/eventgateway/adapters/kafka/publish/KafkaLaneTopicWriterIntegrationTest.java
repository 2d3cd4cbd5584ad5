package io.eventgateway.adapters.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KafkaLaneTopicWriterIntegrationTest {

    private static final int PARTITIONS = 4;
    private static final StoredRecordCodec CODEC = new ProtobufStoredRecordCodec();

    private static String bootstrap;
    private static TopicNames topics;
    private static String clusterName;
    private static KafkaLaneTopicWriter writer;

    @BeforeAll
    static void createLaneTopicsAndWriter() {
        bootstrap = SharedKafkaBroker.bootstrapServers();
        topics = new TopicNames(TestTopics.unique("lanes") + ".");
        clusterName = TestTopics.unique("primary");
        KafkaTestSupport.createTopics(bootstrap,
                KafkaLaneTopicWriter.INGEST_LANES.stream().map(topics::lane).toList(), PARTITIONS);
        writer = new KafkaLaneTopicWriter(KafkaWriterSettings.defaults(bootstrap, clusterName, Duration.ofSeconds(10)),
                topics, CODEC, Clock.systemUTC());
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    private static StoredLocation.Primary write(EventRecord event, Lane lane) throws Exception {
        return (StoredLocation.Primary) writer.write(new LaneWrite(event, lane)).get(15, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<byte[], byte[]> readBack(StoredLocation.Primary location) {
        return KafkaTestSupport.readAt(bootstrap, location.topic(), location.partition(), location.offset());
    }

    private static int partitionKafkaPicksFor(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    @ParameterizedTest
    @EnumSource(value = Lane.class, names = {"P30", "P20", "P10", "OFFLOAD"})
    void aWriteLandsOnTheTopicOfItsLane(Lane lane) throws Exception {
        StoredLocation.Primary location = write(TestEvents.event(TestTopics.unique("evt")), lane);

        assertThat(location.topic()).isEqualTo(topics.lane(lane));
    }

    @Test
    void theStoredRecordIsKeyedByThePartitionKeyAndDecodesToTheEventAndItsLane() throws Exception {
        EventRecord event = TestEvents.event(TestTopics.unique("evt"), "order-42", Priority.P30);

        ConsumerRecord<byte[], byte[]> stored = readBack(write(event, Lane.P30));

        assertThat(new String(stored.key(), StandardCharsets.UTF_8)).isEqualTo("order-42");
        assertThat(CODEC.decode(stored.value())).isEqualTo(new DecodedRecord(event, Lane.P30));
    }

    @Test
    void theLocationNamesTheClusterAndThePartitionAndOffsetTheRecordWasStoredAt() throws Exception {
        List<StoredLocation.Primary> locations = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(TestTopics.unique("evt"));
            locations.add(write(TestEvents.event(ids.get(i)), Lane.P20));
        }

        for (int i = 0; i < 5; i++) {
            StoredLocation.Primary location = locations.get(i);
            assertThat(location.cluster()).isEqualTo(clusterName);
            assertThat(CODEC.decode(readBack(location).value()).record().eventId()).isEqualTo(ids.get(i));
        }
    }

    @Test
    void everyCopyOfAnEventWithoutAGroupKeyLandsOnThePartitionItsIdHashesTo() throws Exception {
        for (int i = 0; i < 8; i++) {
            EventRecord event = TestEvents.event(TestTopics.unique("evt"));
            int expected = partitionKafkaPicksFor(event.eventId());

            assertThat(write(event, Lane.P10).partition()).isEqualTo(expected);
            assertThat(write(event, Lane.P10).partition()).isEqualTo(expected);
        }
    }

    @Test
    void eventsSharingAGroupKeyLandOnThePartitionTheGroupKeyHashesTo() throws Exception {
        for (String groupKey : List.of("customer-1", "customer-2", "customer-3", "customer-4")) {
            int expected = partitionKafkaPicksFor(groupKey);
            for (int i = 0; i < 3; i++) {
                EventRecord event = TestEvents.event(TestTopics.unique("evt"), groupKey, Priority.P20);

                assertThat(write(event, Lane.P20).partition()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aWriteToTheRetryLaneIsRefused() {
        assertThatThrownBy(() -> writer.write(new LaneWrite(TestEvents.event("e-1"), Lane.RETRY)).join())
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RETRY");
    }
}
