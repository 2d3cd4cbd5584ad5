package io.eventgateway.adapters.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaFailedWriteStoreIntegrationTest {

    private static final StoredRecordCodec CODEC = new ProtobufStoredRecordCodec();

    private static String bootstrap;
    private static TopicNames topics;
    private static KafkaFailedWriteStore store;

    @BeforeAll
    static void createTopicAndStore() {
        bootstrap = SharedKafkaBroker.bootstrapServers();
        topics = new TopicNames(TestTopics.unique("alt") + ".");
        KafkaTestSupport.createTopics(bootstrap, List.of(topics.failedWrites()), 4);
        store = new KafkaFailedWriteStore(
                KafkaWriterSettings.defaults(bootstrap, TestTopics.unique("alternate"), Duration.ofSeconds(10)),
                topics, CODEC, Clock.systemUTC());
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    private static StoredLocation.Alternate write(EventRecord event, Lane lane) throws Exception {
        return (StoredLocation.Alternate) store.write(new LaneWrite(event, lane)).get(15, TimeUnit.SECONDS);
    }

    private static ConsumerRecord<byte[], byte[]> readBack(StoredLocation.Alternate location) {
        return KafkaTestSupport.readAt(bootstrap, location.topic(), location.partition(), location.offset());
    }

    @Test
    void aFailedWriteLandsOnTheFailedWritesTopicAtTheLocationReturned() throws Exception {
        EventRecord event = TestEvents.event(TestTopics.unique("evt"));

        StoredLocation.Alternate location = write(event, Lane.P20);

        assertThat(location.topic()).isEqualTo(topics.failedWrites());
        assertThat(CODEC.decode(readBack(location).value()).record().eventId()).isEqualTo(event.eventId());
    }

    @Test
    void theStoredValueDecodesToTheEventWithItsPriorityDeadlineAndLane() throws Exception {
        EventRecord event = TestEvents.event(TestTopics.unique("evt"), null, Priority.P10);

        ConsumerRecord<byte[], byte[]> stored = readBack(write(event, Lane.OFFLOAD));

        assertThat(CODEC.decode(stored.value())).isEqualTo(new DecodedRecord(event, Lane.OFFLOAD));
    }

    @Test
    void theRecordIsKeyedByThePartitionKey() throws Exception {
        EventRecord event = TestEvents.event(TestTopics.unique("evt"), "tenant-7-key", Priority.P30);

        ConsumerRecord<byte[], byte[]> stored = readBack(write(event, Lane.P30));

        assertThat(new String(stored.key(), StandardCharsets.UTF_8)).isEqualTo("tenant-7-key");
    }

    @Test
    void theLaneHeaderNamesTheLane() throws Exception {
        ConsumerRecord<byte[], byte[]> stored = readBack(write(TestEvents.event(TestTopics.unique("evt")), Lane.P10));

        assertThat(new String(stored.headers().lastHeader(KafkaFailedWriteStore.LANE_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("p10");
    }
}
