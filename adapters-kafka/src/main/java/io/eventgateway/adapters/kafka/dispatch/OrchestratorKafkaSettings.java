package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.replica.ReplicaIdentity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How orchestrator replica {@code i} of {@code N} talks to the primary cluster: its lane consumers, its response
 * consumer and its transactional offset committer.
 *
 * <p>Every replica uses the same {@code groupId}, so a partition's committed position survives a change of owner;
 * partitions are assigned by hand ({@code p ≡ i mod N}), never by group rebalancing. The transactional id
 * {@code <prefix>-orch-<i>} is what fences a second process that claims the same index.
 *
 * @param transactionalIdPrefix prefix of the committer's {@code transactional.id}
 * @param laneFetch             fetch bounds of every lane's consumer
 * @param responseFetch         fetch bounds of the response consumer
 * @param pollTimeout           how long one poll waits; also the pause before a consumer tries again after an error,
 *                              and the longest a paused partition waits for a resume to be applied
 * @param commitTimeout         bound of one commit (and of reading committed positions at start)
 * @param closeTimeout          how long {@code close()} waits for a consumer thread or the committer to finish
 * @param extraProperties       more client configs for every consumer and producer (security, ...); the configs these
 *                              settings own are refused rather than silently overridden
 */
public record OrchestratorKafkaSettings(
        String bootstrapServers,
        String groupId,
        String transactionalIdPrefix,
        int replicaIndex,
        int replicas,
        Map<Lane, FetchBounds> laneFetch,
        FetchBounds responseFetch,
        Duration pollTimeout,
        Duration commitTimeout,
        Duration closeTimeout,
        Map<String, String> extraProperties) {

    public static final String DEFAULT_GROUP_ID = "eventgateway-orchestrators";
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "eventgateway";

    /** What makes the consumers' and the committer's guarantees; extra properties must not change them. */
    private static final List<String> OWNED_CONFIGS = List.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.ACKS_CONFIG, ProducerConfig.MAX_BLOCK_MS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    public OrchestratorKafkaSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(groupId, "groupId");
        requireText(transactionalIdPrefix, "transactionalIdPrefix");
        // Fails with the domain's message on i >= N or N < 1.
        new ReplicaIdentity(replicaIndex, replicas);
        if (laneFetch == null) {
            throw new IllegalArgumentException("laneFetch must not be null");
        }
        Set<Lane> missing = EnumSet.allOf(Lane.class);
        missing.removeAll(laneFetch.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("laneFetch must give fetch bounds for every lane, missing " + missing);
        }
        // Map.copyOf also refuses null bounds.
        laneFetch = Map.copyOf(laneFetch);
        if (responseFetch == null) {
            throw new IllegalArgumentException("responseFetch must not be null");
        }
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(commitTimeout, "commitTimeout");
        requirePositive(closeTimeout, "closeTimeout");
        extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
        Set<String> refused = new TreeSet<>(extraProperties.keySet());
        refused.retainAll(OWNED_CONFIGS);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("extraProperties must not set " + refused
                    + ": the orchestrator's consumers and committer own them");
        }
    }

    /**
     * The default group and transactional id prefix, {@link FetchBounds#DEFAULT} everywhere, polls of 200 ms,
     * commits bounded by 10 s, closes by 10 s, no extra properties.
     */
    public static OrchestratorKafkaSettings defaults(String bootstrapServers, int replicaIndex, int replicas) {
        Map<Lane, FetchBounds> fetch = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            fetch.put(lane, FetchBounds.DEFAULT);
        }
        return new OrchestratorKafkaSettings(bootstrapServers, DEFAULT_GROUP_ID, DEFAULT_TRANSACTIONAL_ID_PREFIX,
                replicaIndex, replicas, fetch, FetchBounds.DEFAULT, Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Map.of());
    }

    public ReplicaIdentity identity() {
        return new ReplicaIdentity(replicaIndex, replicas);
    }

    /** {@code <prefix>-orch-<i>}: one per replica index, so a second process with the same index fences the first. */
    public String transactionalId() {
        return transactionalIdPrefix + "-orch-" + replicaIndex;
    }

    /** The consumer of one lane: its own fetch bounds. */
    public Map<String, Object> laneConsumerProperties(Lane lane) {
        return consumerProperties("eg-orch-" + replicaIndex + "-" + lane.shortName(), laneFetch.get(lane));
    }

    public Map<String, Object> responseConsumerProperties() {
        return consumerProperties("eg-orch-" + replicaIndex + "-response", responseFetch);
    }

    /** The committer's transactional producer; it never sends records, only offsets. */
    public Map<String, Object> committerProperties() {
        Map<String, Object> props = new HashMap<>(extraProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "eg-orch-" + replicaIndex + "-committer");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Bounds initTransactions, commitTransaction and abortTransaction: one commit never hangs the committer.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, commitTimeout.toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private Map<String, Object> consumerProperties(String clientId, FetchBounds bounds) {
        Map<String, Object> props = new HashMap<>(extraProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Only for reading committed positions; the consumer never joins the group (manual assign).
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Offsets are committed in transactions; read_committed also keeps aborted hand-offs out.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Every start position is an explicit seek; a position that falls out of range must stop the partition,
        // never reset it silently.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, bounds.maxPollRecords());
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, bounds.fetchMaxBytes());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, bounds.maxPartitionFetchBytes());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
