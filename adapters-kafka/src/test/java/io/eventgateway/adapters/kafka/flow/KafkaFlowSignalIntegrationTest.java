package io.eventgateway.adapters.kafka.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.flow.FlowSignalListener;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.FlowSignal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaFlowSignalIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration AT_MOST = Duration.ofSeconds(15);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String bootstrap;
    private TopicNames topics;
    private KafkaFlowSignalSink sink;

    @BeforeEach
    void givenUniqueTopicNames() {
        bootstrap = SharedKafkaBroker.bootstrapServers();
        topics = new TopicNames(TestTopics.unique("flow") + ".");
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    /** Three partitions: keys "0" and "1" hash to partitions 2 and 0, so the source must read more than one. */
    private void createFlowControlTopic() {
        NewTopic topic = new NewTopic(topics.flowControl(), 3, (short) 1)
                .configs(Map.of("cleanup.policy", "compact"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + topics.flowControl(), e);
        }
    }

    private KafkaFlowSignalSource source(Duration pollTimeout) {
        return closeLater(new KafkaFlowSignalSource(
                new KafkaFlowSignalSourceSettings(bootstrap, pollTimeout, Duration.ofSeconds(5), Map.of()), topics));
    }

    /** Built on first use, once the topic exists: its metadata warm-up would otherwise wait on a missing topic. */
    private void publish(int replica, CongestionState state, Instant at) throws Exception {
        if (sink == null) {
            sink = closeLater(new KafkaFlowSignalSink(
                    KafkaWriterSettings.defaults(bootstrap, TestTopics.unique("orch"), Duration.ofSeconds(10)),
                    topics, Clock.systemUTC()));
        }
        sink.publish(new FlowSignal(replica, state, at)).get(15, TimeUnit.SECONDS);
    }

    private void publishRaw(byte[] key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topics.flowControl(), key, value)).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void givenStatesPublishedBeforeStart_whenASourceStarts_thenItEndsOnTheLatestStateOfEachReplica() throws Exception {
        createFlowControlTopic();
        publish(0, CongestionState.CONGESTED, T0);
        publish(1, CongestionState.CLEAR, T0);
        publish(0, CongestionState.CLEAR, T0.plusSeconds(5));
        publish(1, CongestionState.CONGESTED, T0.plusSeconds(6));
        LatestByReplica latest = new LatestByReplica();

        source(Duration.ofMillis(200)).subscribe(latest);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(latest.signals()).isEqualTo(Map.of(
                0, new FlowSignal(0, CongestionState.CLEAR, T0.plusSeconds(5)),
                1, new FlowSignal(1, CongestionState.CONGESTED, T0.plusSeconds(6)))));
    }

    @Test
    void givenARunningSource_whenASignalIsPublished_thenTheListenerReceivesIt() throws Exception {
        createFlowControlTopic();
        RecordingListener received = new RecordingListener();
        source(Duration.ofMillis(200)).subscribe(received);

        publish(2, CongestionState.CONGESTED, T0);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(received.signals())
                .containsExactly(new FlowSignal(2, CongestionState.CONGESTED, T0)));
    }

    @Test
    void theSinkKeysEachSignalByItsReplicaIndex() throws Exception {
        createFlowControlTopic();
        List<String> keys = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.flowControl()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            publish(7, CongestionState.CLEAR, T0);

            await().atMost(AT_MOST).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> keys.add(new String(record.key(), StandardCharsets.UTF_8)));
                return !keys.isEmpty();
            });
        }
        assertThat(keys).containsExactly("7");
    }

    @Test
    void givenAnUndecodableRecord_whenTheSourceReadsIt_thenItIsSkippedAndTheNextSignalDelivered() throws Exception {
        createFlowControlTopic();
        publishRaw("0".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xff, 0x01});
        publishRaw("0".getBytes(StandardCharsets.UTF_8), null);
        publish(0, CongestionState.CLEAR, T0);
        RecordingListener received = new RecordingListener();
        KafkaFlowSignalSource source = source(Duration.ofMillis(200));

        source.subscribe(received);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(received.signals())
                .containsExactly(new FlowSignal(0, CongestionState.CLEAR, T0)));
        assertThat(source.skippedRecords()).isEqualTo(1);
    }

    @Test
    void givenAListenerThatThrows_whenSignalsArrive_thenLaterSignalsAreStillDelivered() throws Exception {
        createFlowControlTopic();
        RecordingListener received = new RecordingListener();
        KafkaFlowSignalSource source = source(Duration.ofMillis(200));
        source.subscribe(signal -> {
            if (signal.state() == CongestionState.CONGESTED) {
                throw new IllegalStateException("listener bug");
            }
            received.onFlowSignal(signal);
        });

        publish(0, CongestionState.CONGESTED, T0);
        publish(0, CongestionState.CLEAR, T0.plusSeconds(1));

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(received.signals())
                .containsExactly(new FlowSignal(0, CongestionState.CLEAR, T0.plusSeconds(1))));
        assertThat(source.listenerFailures()).isEqualTo(1);
    }

    @Test
    void givenNoFlowControlTopicYet_whenItIsCreatedAfterStart_thenItsSignalsAreDelivered() throws Exception {
        RecordingListener received = new RecordingListener();
        source(Duration.ofMillis(200)).subscribe(received);

        createFlowControlTopic();
        publish(1, CongestionState.CONGESTED, T0);

        await().atMost(AT_MOST).untilAsserted(() -> assertThat(received.signals())
                .containsExactly(new FlowSignal(1, CongestionState.CONGESTED, T0)));
    }

    @Test
    void closeEndsAPollThatIsWaitingForSignalsPromptly() throws Exception {
        createFlowControlTopic();
        RecordingListener received = new RecordingListener();
        KafkaFlowSignalSource source = source(Duration.ofSeconds(30));
        source.subscribe(received);
        publish(0, CongestionState.CLEAR, T0);
        await().atMost(AT_MOST).until(() -> !received.signals().isEmpty());

        assertTimeoutPreemptively(Duration.ofSeconds(3), source::close);
    }

    @Test
    void aSecondListenerIsRefused() {
        KafkaFlowSignalSource source = source(Duration.ofMillis(200));
        source.subscribe(new RecordingListener());

        assertThatIllegalStateException().isThrownBy(() -> source.subscribe(new RecordingListener()))
                .withMessageContaining("already has a listener");
    }

    @Test
    void aClosedSourceCannotBeSubscribed() {
        KafkaFlowSignalSource source = source(Duration.ofMillis(200));
        source.close();

        assertThatIllegalStateException().isThrownBy(() -> source.subscribe(new RecordingListener()));
    }

    private static final class RecordingListener implements FlowSignalListener {

        private final List<FlowSignal> signals = new CopyOnWriteArrayList<>();

        @Override
        public void onFlowSignal(FlowSignal signal) {
            signals.add(signal);
        }

        List<FlowSignal> signals() {
            return List.copyOf(signals);
        }
    }

    /** Keeps the last signal delivered per replica, as a publisher's board would (minus the ordering guard). */
    private static final class LatestByReplica implements FlowSignalListener {

        private final Map<Integer, FlowSignal> latest = new ConcurrentHashMap<>();

        @Override
        public void onFlowSignal(FlowSignal signal) {
            latest.put(signal.replicaIndex(), signal);
        }

        Map<Integer, FlowSignal> signals() {
            return Map.copyOf(latest);
        }
    }
}
