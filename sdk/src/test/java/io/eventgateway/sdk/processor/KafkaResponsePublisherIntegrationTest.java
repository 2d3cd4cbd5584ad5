package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.protocol.v1.Outcome;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.protocol.v1.TaskResponseBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** The real publisher and the runner on the shared embedded broker: records read back from the response topic. */
class KafkaResponsePublisherIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void responsesAreBatchedIntoFewerRecordsOnTheReplicasPartition() {
        String topic = TestTopics.create("sdk-responses", 4);
        try (KafkaResponsePublisher publisher = KafkaResponsePublisher.create(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()), topic, 10,
                Duration.ofHours(1))) {
            for (int i = 0; i < 25; i++) {
                publisher.publish(3, response("3:t:0:" + i + ":1"));
            }
            publisher.publish(1, response("1:t:0:0:1"));
            publisher.flush();
        }

        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, 26);

        assertThat(records).hasSize(4);
        assertThat(records).filteredOn(record -> record.partition() == 3).hasSize(3);
        assertThat(records).filteredOn(record -> record.partition() == 1).hasSize(1);
    }

    @Test
    void aRunnerPublishesItsResponsesBatchedToTheLeasingReplicasPartition() {
        String prefix = "sdk-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        createTopic(prefix + "response", 3);
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(2)) {
            List<String> taskIds = orchestrator.tasks().offer("evt", 20);
            ProcessorRunner runner = ProcessorRunner.builder()
                    .target(orchestrator.target()).usePlaintext()
                    .handler(event -> HandlerOutcome.ack())
                    .responseTopic(SharedKafkaBroker.bootstrapServers(), prefix)
                    .processorId("proc-it").concurrency(20).longPollWait(Duration.ofMillis(100))
                    .build().start();
            await().atMost(PATIENCE).until(() -> runner.stats().acked() == 20);
            runner.close();

            List<ConsumerRecord<byte[], byte[]>> records = readAll(prefix + "response", 20);

            assertThat(records).allSatisfy(record -> assertThat(record.partition()).isEqualTo(2));
            assertThat(records.size()).isLessThan(20);
            assertThat(responses(records)).extracting(TaskResponse::getTaskId)
                    .containsExactlyInAnyOrderElementsOf(taskIds);
        }
    }

    private static TaskResponse response(String taskId) {
        return TaskResponse.newBuilder().setTaskId(taskId).setOutcome(Outcome.ACK).setProcessorId("p").build();
    }

    private static void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
    }

    private static List<TaskResponse> responses(List<ConsumerRecord<byte[], byte[]>> records) {
        List<TaskResponse> responses = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                responses.addAll(TaskResponseBatch.parseFrom(record.value()).getResponsesList());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return responses;
    }

    /** Reads until the records carry {@code expectedResponses} responses in all. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedResponses) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return responses(records).size() >= expectedResponses;
            });
        }
        return records;
    }
}
