package io.eventgateway.benchmarks.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Contender 3: a KIP-932 share-group consumer ({@link KafkaShareConsumer}, Kafka 4.x) beside a producer in this JVM,
 * acknowledging every record explicitly with ACCEPT and committing the acknowledgements with {@code commitSync} per
 * poll. The group reads from the earliest offset ({@code share.auto.offset.reset=earliest}, a group config), so the
 * join cannot miss records. Clocked like the raw pipe.
 */
public final class ShareGroupPipe {

    private ShareGroupPipe() {
    }

    public static void main(String[] args) throws Exception {
        PipeOptions options = PipeOptions.parse(args);
        String topic = "bench-share-" + System.nanoTime();
        String group = topic + "-group";
        PipeRecords.createTopic(options.bootstrap(), topic, options.partitions());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", options.bootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
                    new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
        AtomicLong accepted = new AtomicLong();
        long total = (long) options.warmup() + options.count();
        Thread consumer = new Thread(() -> consume(options, topic, group, total, accepted), "share-consumer");
        consumer.start();
        try (PipeRecords records = new PipeRecords(options.bootstrap(), topic, options.size())) {
            records.send(options.warmup());
            Progress.awaitCount(accepted, options.warmup(), Duration.ofMinutes(5));
            long started = System.nanoTime();
            records.send(options.count());
            consumer.join();
            PipeResult.print(PipeResult.throughput("share_group", options.count(), System.nanoTime() - started));
        }
    }

    private static void consume(PipeOptions options, String topic, String group, long total, AtomicLong accepted) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaShareConsumer<byte[], byte[]> consumer = new KafkaShareConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (accepted.get() < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    consumer.acknowledge(record, AcknowledgeType.ACCEPT);
                }
                consumer.commitSync();
                accepted.addAndGet(records.count());
            }
        }
    }
}
