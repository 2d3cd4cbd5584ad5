package io.eventgateway.adapters.kafka.embedded;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaBrokerIntegrationTest {

    private static final Duration READ_BOUND = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void givenTopicWithThreePartitions_whenHundredRecordsAreProducedIdempotently_thenAllAreReadBack() {
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String topic = TestTopics.create(bootstrap, "smoke", 3);
        List<String> written = values("event", 100);

        produce(bootstrap, topic, written, Map.of());

        List<ConsumerRecord<String, String>> read = readAll(bootstrap, topic, 3, written.size(), Map.of());
        assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(written);
        assertThat(read).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
    }

    @Test
    void givenRecordsWrittenBeforeAStop_whenTheBrokerRestartsOnTheSamePortAndDataDir_thenTheyAreStillReadable(
            @TempDir Path dataDir) {
        List<String> written = values("kept", 20);
        String topic;
        int port;
        int controllerPort;
        try (EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults().withDataDir(dataDir))) {
            first.start();
            port = first.port();
            controllerPort = first.controllerPort();
            topic = TestTopics.create(first.bootstrapServers(), "restart", 2);
            produce(first.bootstrapServers(), topic, written, Map.of());
        }

        try (EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(
                EmbeddedKafkaSettings.defaults().withBrokerPort(port).withDataDir(dataDir)).start()) {
            // Only the broker port was given: the controller port is the one remembered in the data dir.
            assertThat(second.controllerPort()).isEqualTo(controllerPort);
            List<ConsumerRecord<String, String>> read = readAll(second.bootstrapServers(), topic, 2, written.size(), Map.of());
            assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    @Test
    void givenTheBrokerPortIsTaken_whenTheBrokerStarts_thenTheFailureNamesThePortAndDataDir(@TempDir Path dataDir)
            throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                     EmbeddedKafkaSettings.defaults().withBrokerPort(taken.getLocalPort()).withDataDir(dataDir))) {

            assertThatThrownBy(broker::start)
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining(dataDir.toString());
        }
    }

    @Test
    void givenNoDataDir_whenTheBrokerCloses_thenItsTemporaryDataDirIsDeleted() {
        Path temporary;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()).start()) {
            temporary = broker.dataDir();
            assertThat(temporary).isDirectory();
        }

        assertThat(temporary).doesNotExist();
    }

    @Test
    void givenSingleNodeTransactionStateSettings_whenATransactionalProducerCommits_thenReadCommittedConsumersSeeTheRecords() {
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String topic = TestTopics.create(bootstrap, "txn", 1);
        List<String> written = values("committed", 10);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "txn-" + UUID.randomUUID())))) {
            producer.initTransactions();
            producer.beginTransaction();
            written.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> read = readAll(bootstrap, topic, 1, written.size(),
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        assertThat(read).extracting(ConsumerRecord::value).containsExactlyElementsOf(written);
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static void produce(String bootstrap, String topic, List<String> values, Map<String, Object> extra) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap, extra))) {
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, value, value)));
            producer.flush();
        }
    }

    private static Map<String, Object> producerConfig(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(extra);
        return config;
    }

    /** Reads the topic from the beginning of every partition until {@code expected} records have arrived. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int partitions,
                                                               int expected, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        config.putAll(extra);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Set<TopicPartition> assignment = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
            consumer.assign(assignment);
            consumer.seekToBeginning(assignment);
            await().atMost(READ_BOUND).until(() -> {
                consumer.poll(POLL).forEach(read::add);
                return read.size() >= expected;
            });
        }
        return read;
    }
}
