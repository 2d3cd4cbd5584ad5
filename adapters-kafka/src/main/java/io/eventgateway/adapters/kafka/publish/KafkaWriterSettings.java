package io.eventgateway.adapters.kafka.publish;

import io.eventgateway.adapters.kafka.topics.TopicPlan;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How a gateway writer produces to one Kafka cluster.
 *
 * <p>{@code deliveryTimeout} is the whole time a write may take, from the call that hands it over to its outcome:
 * no record can land later than that. Set it to at most the publisher's fallback timeout, so that a write the
 * publisher gave up on (and stored elsewhere) cannot also land here behind its back. A Kafka producer's own
 * {@code delivery.timeout.ms} only starts once {@code send()} returned, and {@code send()} may first block on
 * metadata or buffer space for up to {@code max.block.ms}, so the budget is split: a quarter for waiting in the
 * writer's send queue ({@link #maxQueueWait()}), a quarter for blocking in {@code send()} ({@link #maxBlock()}),
 * and the rest for the producer's delivery ({@link #producerDeliveryTimeout()}).
 *
 * @param clusterName             the cluster's name in receipts and client ids (e.g. {@code primary})
 * @param lingerMs                {@code linger.ms}: how long a batch waits for more records
 * @param batchBytes              {@code batch.size}
 * @param compression             {@code compression.type}: none, gzip, snappy, lz4 or zstd
 * @param extraProducerProperties more producer configs (security, {@code buffer.memory}, ...); the configs this
 *                                record owns are refused here rather than silently overridden
 */
public record KafkaWriterSettings(
        String bootstrapServers,
        String clusterName,
        Duration deliveryTimeout,
        int lingerMs,
        int batchBytes,
        String compression,
        Map<String, String> extraProducerProperties) {

    public static final int DEFAULT_LINGER_MS = 5;
    public static final int DEFAULT_BATCH_BYTES = 64 * 1024;
    public static final String DEFAULT_COMPRESSION = "lz4";

    private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    /** Idle lane topics keep their metadata this long, so a send after a quiet hour does not wait on metadata. */
    private static final long METADATA_MAX_IDLE_MS = Duration.ofDays(1).toMillis();
    private static final int MAX_IN_FLIGHT = 5;

    /** The configs that make the writer's guarantees; extra properties must not change them. */
    private static final List<String> OWNED_CONFIGS = List.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.METADATA_MAX_IDLE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.PARTITIONER_CLASS_CONFIG, ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.MAX_REQUEST_SIZE_CONFIG);

    public KafkaWriterSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(clusterName, "clusterName");
        if (deliveryTimeout == null || deliveryTimeout.isNegative() || deliveryTimeout.isZero()) {
            throw new IllegalArgumentException("deliveryTimeout must be a positive duration, was " + deliveryTimeout);
        }
        if (lingerMs < 0) {
            throw new IllegalArgumentException("lingerMs must be >= 0, was " + lingerMs);
        }
        if (batchBytes <= 0) {
            throw new IllegalArgumentException("batchBytes must be positive, was " + batchBytes);
        }
        compression = compression == null ? "" : compression.trim().toLowerCase(Locale.ROOT);
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("compression must be one of " + new TreeSet<>(COMPRESSIONS)
                    + ", was '" + compression + "'");
        }
        extraProducerProperties = extraProducerProperties == null ? Map.of() : Map.copyOf(extraProducerProperties);
        Set<String> refused = new TreeSet<>(extraProducerProperties.keySet());
        refused.retainAll(OWNED_CONFIGS);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("extraProducerProperties must not set " + refused
                    + ": the writer owns them (use the settings' own fields where there is one)");
        }
        long producerDeliveryMs = producerDeliveryMs(deliveryTimeout);
        if (producerDeliveryMs <= Math.max(lingerMs, 1)) {
            throw new IllegalArgumentException("deliveryTimeout " + deliveryTimeout + " leaves the producer "
                    + producerDeliveryMs + " ms to deliver (half of it; the rest bounds queueing and blocking),"
                    + " which must exceed lingerMs (" + lingerMs + ") so a request has time after the linger");
        }
    }

    /** Linger 5 ms, 64 KiB batches, lz4, no extra properties. */
    public static KafkaWriterSettings defaults(String bootstrapServers, String clusterName, Duration deliveryTimeout) {
        return new KafkaWriterSettings(bootstrapServers, clusterName, deliveryTimeout, DEFAULT_LINGER_MS,
                DEFAULT_BATCH_BYTES, DEFAULT_COMPRESSION, Map.of());
    }

    /** How long a write may wait in the writer's send queue before it fails without being sent. */
    public Duration maxQueueWait() {
        return Duration.ofMillis(quarterMs(deliveryTimeout));
    }

    /** {@code max.block.ms}: how long {@code send()} may block on metadata or buffer space. */
    public Duration maxBlock() {
        return Duration.ofMillis(quarterMs(deliveryTimeout));
    }

    /** {@code delivery.timeout.ms}: the producer's own bound, from {@code send()} returning to the outcome. */
    public Duration producerDeliveryTimeout() {
        return Duration.ofMillis(producerDeliveryMs(deliveryTimeout));
    }

    /**
     * {@code request.timeout.ms}: one request may use all of the delivery time after the linger, and no more, as
     * Kafka requires {@code delivery.timeout.ms >= linger.ms + request.timeout.ms}.
     */
    public Duration requestTimeout() {
        return Duration.ofMillis(producerDeliveryMs(deliveryTimeout) - Math.max(lingerMs, 1));
    }

    /** The configs of one idempotent {@code byte[]} producer of this writer. */
    public Map<String, Object> producerProperties(String clientId) {
        requireText(clientId, "clientId");
        Map<String, Object> props = new HashMap<>(extraProducerProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) producerDeliveryTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout().toMillis());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock().toMillis());
        props.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_MAX_IDLE_MS);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicPlan.MAX_RECORD_BATCH_BYTES);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private static long quarterMs(Duration total) {
        return total.toMillis() / 4;
    }

    private static long producerDeliveryMs(Duration total) {
        return Math.min(Integer.MAX_VALUE, total.toMillis() - 2 * quarterMs(total));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
