package io.eventgateway.sdk.processor;

import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.protocol.v1.TaskResponseBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes responses as {@code TaskResponseBatch} records: one buffer per replica partition, sent when it reaches
 * {@code maxBatchSize} responses or when the flush interval comes round, whichever is first. One Kafka record per
 * task would multiply the orchestrators' consume work by the batch size. The producer is idempotent with {@code
 * acks=all}, so its own retries neither lose nor duplicate a batch.
 *
 * <p>A batch Kafka finally refuses is counted ({@link #failedBatches()}) and dropped: its leases run out and the
 * orchestrator redelivers the tasks, which is the protocol's answer to a lost response.
 */
public final class KafkaResponsePublisher implements ResponsePublisher {

    public static final int DEFAULT_MAX_BATCH_SIZE = 500;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(5);

    private static final System.Logger LOG = System.getLogger(KafkaResponsePublisher.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int maxBatchSize;
    private final Map<Integer, List<TaskResponse>> buffers = new HashMap<>();
    private final ScheduledExecutorService flusher;
    private final AtomicLong sentBatches = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaResponsePublisher(Producer<byte[], byte[]> producer, String topic, int maxBatchSize,
            Duration flushInterval) {
        this.producer = producer;
        this.topic = topic;
        this.maxBatchSize = maxBatchSize;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventgateway-response-flusher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = flushInterval.toNanos();
        flusher.scheduleWithFixedDelay(this::sendAll, interval, interval, TimeUnit.NANOSECONDS);
    }

    /** Publishes to {@code <topicPrefix>response} (the default prefix is {@code eg.}) with the default batching. */
    public static KafkaResponsePublisher create(String bootstrapServers, String topicPrefix) {
        return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topicPrefix + "response",
                DEFAULT_MAX_BATCH_SIZE, DEFAULT_FLUSH_INTERVAL);
    }

    /**
     * @param producerConfig Kafka producer settings (at least bootstrap servers, plus security if needed); the
     *                       serializers, {@code acks} and idempotence are set here and override the map
     */
    public static KafkaResponsePublisher create(Map<String, Object> producerConfig, String topic, int maxBatchSize,
            Duration flushInterval) {
        Objects.requireNonNull(topic, "topic");
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive, was " + flushInterval);
        }
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaResponsePublisher(new KafkaProducer<>(config), topic, maxBatchSize, flushInterval);
    }

    @Override
    public void publish(int replicaIndex, TaskResponse response) {
        if (replicaIndex < 0) {
            throw new IllegalArgumentException("replicaIndex must not be negative, was " + replicaIndex);
        }
        if (closed.get()) {
            throw new IllegalStateException("the publisher is closed");
        }
        List<TaskResponse> full = null;
        synchronized (buffers) {
            List<TaskResponse> buffer = buffers.computeIfAbsent(replicaIndex, key -> new ArrayList<>());
            buffer.add(response);
            if (buffer.size() >= maxBatchSize) {
                full = List.copyOf(buffer);
                buffers.remove(replicaIndex);
            }
        }
        if (full != null) {
            send(replicaIndex, full);
        }
    }

    @Override
    public void flush() {
        sendAll();
        producer.flush();
    }

    /** Batches Kafka has acknowledged. */
    public long sentBatches() {
        return sentBatches.get();
    }

    /** Batches Kafka refused after its own retries. */
    public long failedBatches() {
        return failedBatches.get();
    }

    private void sendAll() {
        Map<Integer, List<TaskResponse>> pending;
        synchronized (buffers) {
            pending = new HashMap<>(buffers);
            buffers.clear();
        }
        pending.forEach(this::send);
    }

    private void send(int partition, List<TaskResponse> responses) {
        byte[] value = TaskResponseBatch.newBuilder().addAllResponses(responses).build().toByteArray();
        producer.send(new ProducerRecord<>(topic, partition, null, value), (metadata, failure) -> {
            if (failure == null) {
                sentBatches.incrementAndGet();
            } else {
                failedBatches.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "lost a batch of {0} responses to {1}-{2}: {3}",
                        responses.size(), topic, partition, failure.toString());
            }
        });
    }

    /** Sends what is buffered, waits for it, and closes the producer. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        flusher.shutdownNow();
        flush();
        producer.close(CLOSE_TIMEOUT);
    }
}
