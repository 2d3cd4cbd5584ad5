package io.eventgateway.benchmarks.parallelconsumer;

import io.confluent.parallelconsumer.ParallelConsumerOptions;
import io.confluent.parallelconsumer.ParallelStreamProcessor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Contender 2: Confluent parallel-consumer, UNORDERED, with a no-op handler, beside a producer in this JVM. It lives
 * in its own module because it reaches into Kafka client internals and needs the clients it was built against; so it
 * shares no code with the other contenders, only their settings (the producer of {@code PipeRecords}, the options
 * and the {@code RESULT <json>} line). Clocked from the first measured send until the handler has seen the last
 * measured record; parallel-consumer commits asynchronously in the background.
 */
public final class ParallelConsumerPipe {

    /** Handler threads: as many as the gateway processor's concurrency. */
    private static final int MAX_CONCURRENCY = 64;

    private ParallelConsumerPipe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String bootstrap = options.get("bootstrap");
        int count = Integer.parseInt(options.getOrDefault("count", "100000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20000"));
        int size = Integer.parseInt(options.getOrDefault("size", "300"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "8"));
        String topic = "bench-pc-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        AtomicLong handled = new AtomicLong();
        ParallelStreamProcessor<byte[], byte[]> processor = ParallelStreamProcessor.createEosStreamProcessor(
                ParallelConsumerOptions.<byte[], byte[]>builder()
                        .consumer(new KafkaConsumer<>(consumerConfig(bootstrap, topic)))
                        .ordering(ParallelConsumerOptions.ProcessingOrder.UNORDERED)
                        .maxConcurrency(MAX_CONCURRENCY)
                        .build());
        processor.subscribe(List.of(topic));
        processor.poll(context -> handled.incrementAndGet());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            byte[] value = new byte[size];
            new Random(42).nextBytes(value);
            send(producer, topic, value, 0, warmup);
            await(handled, warmup);
            long started = System.nanoTime();
            send(producer, topic, value, warmup, count);
            await(handled, (long) warmup + count);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RESULT {\"contender\":\"parallel_consumer\",\"events\":%d,\"seconds\":%s,\"eps\":%s}%n",
                    count, seconds, count / seconds);
            System.out.flush();
        } finally {
            processor.close();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value, long first,
            int count) {
        for (long i = first; i < first + count; i++) {
            producer.send(new ProducerRecord<>(topic, Long.toString(i).getBytes(), value), (meta, error) -> {
                if (error != null) {
                    throw new IllegalStateException("a bench record was not stored", error);
                }
            });
        }
    }

    private static void await(AtomicLong counter, long target) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("handled " + counter.get() + " of " + target);
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    private static Properties consumerConfig(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-group");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // parallel-consumer commits itself and refuses a consumer that auto-commits.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** The same producer settings as every other contender (PipeRecords in the end-to-end module). */
    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("bootstrap")) {
            throw new IllegalArgumentException("--bootstrap is required");
        }
        return options;
    }
}
