import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical limit the publisher is compared against: one idempotent acks=all producer writing N records of a
 * given size to a fresh 8-partition topic, with the publisher's own batching settings (linger 5 ms, 64 KiB, lz4).
 *
 * <p>Run (single-file source launcher, classpath from the built gateway):
 * {@code java -cp 'bootstrap/target/lib/*' benchmarks/baselines/RawProducerBaseline.java BOOTSTRAP COUNT SIZE}
 */
public final class RawProducerBaseline {

    public static void main(String[] args) throws Exception {
        String servers = args[0];
        int count = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        String topic = "baseline-" + System.nanoTime();
        try (Admin admin = Admin.create(java.util.Map.of("bootstrap.servers", servers))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, 8, (short) 1))).all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[size];
        new Random(42).nextBytes(value);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(), value), (meta, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("raw producer: %d records of %d bytes in %.1f s -> %.0f records/s (%d failed)%n", count,
                size, seconds, count / seconds, failed.get());
    }
}
