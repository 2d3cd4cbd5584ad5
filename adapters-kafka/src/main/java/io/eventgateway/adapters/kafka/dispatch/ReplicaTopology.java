package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.replica.ReplicaIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The partitions replica {@code i} of {@code N} reads, from the topics as the cluster has them: {@code p ≡ i (mod N)}
 * of every lane topic and partition {@code i} of the response topic.
 *
 * <p>Invariant: every lane topic and the response topic exist, and none has fewer partitions than replicas. A layout
 * that breaks it fails at startup with one line naming every problem, rather than as partitions nobody reads.
 */
public final class ReplicaTopology {

    private final ReplicaIdentity identity;
    private final LaneTopics topics;
    private final Map<String, Integer> partitionCounts;

    private ReplicaTopology(ReplicaIdentity identity, LaneTopics topics, Map<String, Integer> partitionCounts) {
        this.identity = identity;
        this.topics = topics;
        this.partitionCounts = Map.copyOf(partitionCounts);
    }

    /**
     * Describes the lane and response topics on the cluster and validates them.
     *
     * @throws IllegalStateException naming every missing or too small topic
     * @throws TopologyUnavailableException when the cluster does not answer within {@code timeout}
     */
    public static ReplicaTopology describe(OrchestratorKafkaSettings settings, LaneTopics topics, Duration timeout) {
        Objects.requireNonNull(settings, "settings");
        Map<String, Object> config = new HashMap<>(settings.extraProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "eg-orch-" + settings.replicaIndex() + "-topology");
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        // The admin client refuses an API timeout below its request timeout (30 s by default): bound both.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            List<String> names = new ArrayList<>(topics.all());
            names.add(topics.response());
            return of(settings.identity(), topics, partitionCounts(admin, names, timeout));
        }
    }

    /**
     * Validates observed partition counts; a topic absent from {@code partitionCounts} does not exist.
     *
     * @throws IllegalStateException naming every missing or too small topic
     */
    public static ReplicaTopology of(ReplicaIdentity identity, LaneTopics topics,
            Map<String, Integer> partitionCounts) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(partitionCounts, "partitionCounts");
        List<String> missing = new ArrayList<>();
        Map<String, Integer> lanePartitions = new LinkedHashMap<>();
        for (String topic : topics.all()) {
            Integer count = partitionCounts.get(topic);
            if (count == null) {
                missing.add(topic);
            } else {
                lanePartitions.put(topic, count);
            }
        }
        Integer responsePartitions = partitionCounts.get(topics.response());
        if (responsePartitions == null) {
            missing.add(topics.response());
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing topics " + missing + " (create them with `topics apply`)");
        }
        // A missing response topic is reported above; counting it as large enough avoids saying so twice.
        problems.addAll(identity.validateTopology(lanePartitions,
                responsePartitions == null ? identity.replicas() : responsePartitions));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("topic layout does not fit orchestrator replica " + identity.index()
                    + " of " + identity.replicas() + ": " + String.join("; ", problems));
        }
        return new ReplicaTopology(identity, topics, partitionCounts);
    }

    /** The partitions of {@code lane}'s topics this replica owns, topic by topic, partitions ascending. */
    public List<SourcePartition> ownedPartitions(Lane lane) {
        List<SourcePartition> owned = new ArrayList<>();
        for (String topic : topics.of(lane)) {
            for (int partition : identity.ownedPartitions(partitionCounts.get(topic))) {
                owned.add(new SourcePartition(topic, partition));
            }
        }
        return List.copyOf(owned);
    }

    /** The response partition this replica reads: its index. */
    public SourcePartition responsePartition() {
        return new SourcePartition(topics.response(), identity.responsePartition());
    }

    private static Map<String, Integer> partitionCounts(Admin admin, List<String> names, Duration timeout) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> described
                : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                counts.put(described.getKey(),
                        described.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new TopologyUnavailableException("cannot describe topic " + described.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new TopologyUnavailableException("no answer within " + timeout + " describing topic "
                        + described.getKey() + "; is the cluster reachable?", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopologyUnavailableException("interrupted while describing " + described.getKey(), e);
            }
        }
        return counts;
    }
}
