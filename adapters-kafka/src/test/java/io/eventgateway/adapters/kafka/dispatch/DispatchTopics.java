package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.PartitionCounts;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.adapters.kafka.topics.TopicSettings;
import io.eventgateway.domain.priority.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's own gateway topics on the shared broker, created through {@code topics apply} under a unique prefix,
 * with a group id and transactional id prefix no other test uses, so committed offsets never leak between tests.
 */
final class DispatchTopics implements AutoCloseable {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    static final int RETRY_LEVELS = 2;

    final String bootstrapServers;
    final TopicNames names;
    final LaneTopics laneTopics;
    final String groupId;
    final String transactionalIdPrefix;
    private final KafkaProducer<byte[], byte[]> producer;

    /** Every lane topic with {@code lanePartitions} partitions, two retry levels, and {@code responsePartitions}. */
    DispatchTopics(int lanePartitions, int responsePartitions, int replicas) {
        bootstrapServers = SharedKafkaBroker.bootstrapServers();
        String unique = TestTopics.unique("orch");
        names = new TopicNames(unique + ".");
        laneTopics = new LaneTopics(names, RETRY_LEVELS);
        groupId = unique + "-group";
        transactionalIdPrefix = unique;
        Duration backlog = Duration.ofDays(7);
        TopicSettings topicSettings = new TopicSettings(new PartitionCounts(lanePartitions, lanePartitions,
                lanePartitions, lanePartitions, lanePartitions, 1, responsePartitions, 1, 1, 1), RETRY_LEVELS,
                replicas, 1, 1, backlog, Duration.ofMinutes(10), backlog.plusMinutes(10));
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(Cluster.PRIMARY,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), CALL_TIMEOUT)) {
            admin.apply(TopicPlan.of(names, topicSettings).forCluster(Cluster.PRIMARY), false);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Replica {@code index} of {@code replicas}, short polls, this test's group and transactional ids. */
    OrchestratorKafkaSettings settings(int index, int replicas) {
        return settings(index, replicas, FetchBounds.DEFAULT);
    }

    OrchestratorKafkaSettings settings(int index, int replicas, FetchBounds responseFetch) {
        Map<Lane, FetchBounds> fetch = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            fetch.put(lane, FetchBounds.DEFAULT);
        }
        return new OrchestratorKafkaSettings(bootstrapServers, groupId, transactionalIdPrefix, index, replicas, fetch,
                responseFetch, Duration.ofMillis(50), Duration.ofSeconds(15), Duration.ofSeconds(5), Map.of());
    }

    /** Writes one record to exactly this partition, with this timestamp (null: now), and waits for the ack. */
    RecordMetadata send(String topic, int partition, Long timestamp, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, timestamp, null, value))
                    .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + topic + "-" + partition, e);
        }
    }

    RecordMetadata send(String topic, int partition, String value) {
        return send(topic, partition, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
