package io.eventgateway.benchmarks.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Contender 1, the physical limit on this box: one producer and one plain consumer in this JVM, {@code poll} and
 * {@code commitSync} per poll. Warm-up records go through first; the clock runs from the first measured send until
 * the last measured record is consumed and committed.
 */
public final class RawKafkaPipe {

    private RawKafkaPipe() {
    }

    public static void main(String[] args) throws Exception {
        PipeOptions options = PipeOptions.parse(args);
        String topic = "bench-raw-" + System.nanoTime();
        PipeRecords.createTopic(options.bootstrap(), topic, options.partitions());
        AtomicLong consumed = new AtomicLong();
        CountDownLatch assigned = new CountDownLatch(1);
        long total = (long) options.warmup() + options.count();
        Thread consumer = new Thread(() -> consume(options, topic, total, consumed, assigned), "raw-consumer");
        consumer.start();
        assigned.await();
        try (PipeRecords records = new PipeRecords(options.bootstrap(), topic, options.size())) {
            records.send(options.warmup());
            Progress.awaitCount(consumed, options.warmup(), Duration.ofMinutes(5));
            long started = System.nanoTime();
            records.send(options.count());
            consumer.join();
            PipeResult.print(PipeResult.throughput("raw_kafka", options.count(), System.nanoTime() - started));
        }
    }

    private static void consume(PipeOptions options, String topic, long total, AtomicLong consumed,
            CountDownLatch assigned) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(50));
            }
            assigned.countDown();
            while (consumed.get() < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    consumed.addAndGet(records.count());
                }
            }
        }
    }
}
