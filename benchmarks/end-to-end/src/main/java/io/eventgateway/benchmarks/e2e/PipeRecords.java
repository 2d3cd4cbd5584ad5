package io.eventgateway.benchmarks.e2e;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The records every Kafka contender pipes: {@code size} random bytes each, keyed by their index, written by one
 * idempotent acks=all producer with the gateway publisher's own batching (linger 5 ms, 64 KiB batches, lz4), the same
 * settings as {@code benchmarks/baselines/RawProducerBaseline.java}.
 */
final class PipeRecords implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final byte[] value;
    private long sent;

    PipeRecords(String bootstrap, String topic, int size) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
        this.topic = topic;
        this.value = new byte[size];
        new Random(42).nextBytes(value);
    }

    static void createTopic(String bootstrap, String topic, int partitions)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    /** Sends the next {@code count} records without waiting for acks; a failed send stops the bench. */
    void send(int count) {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, Long.toString(sent++).getBytes(), value), (meta, error) -> {
                if (error != null) {
                    throw new IllegalStateException("a bench record was not stored", error);
                }
            });
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
