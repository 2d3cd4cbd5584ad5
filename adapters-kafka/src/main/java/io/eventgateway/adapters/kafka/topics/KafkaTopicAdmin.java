package io.eventgateway.adapters.kafka.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Applies planned topics to one cluster ({@code topics apply}): creates the missing ones, sets drifted configs the
 * gateway owns, and reports what it cannot fix (see {@link TopicDrift}). Idempotent: applying the same plan again
 * changes nothing and reports every topic {@code UNCHANGED}.
 *
 * <p>Every admin call is bounded by the call timeout, both in the client ({@code default.api.timeout.ms}, so a
 * request's per-topic futures all complete by then) and in the wait for its result; a cluster that does not answer
 * fails the apply with a {@link TopicAdminException} naming the cluster and the call.
 */
public final class KafkaTopicAdmin implements AutoCloseable {

    /** How often to look again while metadata propagates from the controller to the brokers. */
    private static final Duration METADATA_POLL = Duration.ofMillis(20);

    private final Admin admin;
    private final Cluster cluster;
    private final String bootstrapServers;
    private final Duration callTimeout;

    private KafkaTopicAdmin(Admin admin, Cluster cluster, String bootstrapServers, Duration callTimeout) {
        this.admin = admin;
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
        this.callTimeout = callTimeout;
    }

    /**
     * An admin for {@code cluster}. {@code clientConfig} holds {@code bootstrap.servers} and whatever else the
     * cluster needs (security); the request and API timeouts are set to {@code callTimeout}.
     */
    public static KafkaTopicAdmin connect(Cluster cluster, Map<String, Object> clientConfig, Duration callTimeout) {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(clientConfig, "clientConfig");
        if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be a positive duration, was " + callTimeout);
        }
        Object servers = clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || servers.toString().isBlank()) {
            throw new IllegalArgumentException("clientConfig of the " + cluster + " cluster has no "
                    + AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, callTimeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "eg-topics-" + cluster.name().toLowerCase(Locale.ROOT));
        try {
            return new KafkaTopicAdmin(Admin.create(config), cluster, servers.toString(), callTimeout);
        } catch (KafkaException e) {
            throw new TopicAdminException(where(cluster, servers.toString()) + ": cannot create an admin client: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Brings the cluster in line with {@code specs}, or with {@code dryRun} only reports what it would do.
     *
     * @param specs the planned topics of this admin's cluster (see {@link TopicPlan#forCluster(Cluster)})
     * @throws TopicAdminException when the cluster fails or does not answer a call in time
     */
    public TopicApplyReport apply(List<TopicSpec> specs, boolean dryRun) {
        requirePlannedHere(specs);
        Set<String> existing = await(admin.listTopics().names(), "listing topics");
        List<TopicSpec> missing = specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
        Map<String, ObservedTopic> observed = observe(specs.stream().map(TopicSpec::name)
                .filter(existing::contains).toList());
        if (!dryRun && !missing.isEmpty()) {
            Set<String> existedAlready = create(missing);
            awaitVisible(missing.stream().map(TopicSpec::name).toList());
            observed.putAll(observe(existedAlready));
        }

        List<TopicApplyResult> results = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            ObservedTopic actual = observed.get(spec.name());
            if (actual == null) {
                TopicOutcome outcome = dryRun ? new TopicOutcome.WouldCreate() : new TopicOutcome.Created();
                results.add(new TopicApplyResult(spec.name(), outcome, List.of(), List.of()));
                continue;
            }
            TopicDrift drift = TopicDrift.between(spec, actual);
            if (!drift.configChanges().isEmpty()) {
                alterations.put(topicResource(spec.name()), drift.configChanges().stream()
                        .map(change -> new AlterConfigOp(new ConfigEntry(change.key(), change.planned()),
                                AlterConfigOp.OpType.SET))
                        .toList());
            }
            results.add(new TopicApplyResult(spec.name(), drift.outcome(dryRun), drift.configChanges(),
                    drift.notes()));
        }
        if (!dryRun && !alterations.isEmpty()) {
            await(admin.incrementalAlterConfigs(alterations).all(),
                    "setting configs of " + alterations.size() + " topics");
            awaitConfigsShown(specs.stream().filter(spec -> alterations.containsKey(topicResource(spec.name())))
                    .toList());
        }
        return new TopicApplyReport(cluster, dryRun, results);
    }

    @Override
    public void close() {
        admin.close(callTimeout);
    }

    /** Creates the topics; returns the names that turned out to exist already (created concurrently). */
    private Set<String> create(List<TopicSpec> missing) {
        List<NewTopic> topics = missing.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor())
                        .configs(spec.configs()))
                .toList();
        Set<String> existedAlready = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> creation : admin.createTopics(topics).values().entrySet()) {
            try {
                await(creation.getValue(), "creating topic " + creation.getKey());
            } catch (TopicAdminException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existedAlready.add(creation.getKey());
            }
        }
        return existedAlready;
    }

    /**
     * Waits until the broker's metadata shows the created topics. The controller acknowledges a creation before the
     * brokers have applied it; without this wait, a role started right after apply could find no partitions, and an
     * apply run right after another could not describe the topics it just created.
     */
    private void awaitVisible(Collection<String> topics) {
        Set<String> pending = new HashSet<>(topics);
        awaitUntil("the created topics " + pending + " to appear in the broker's metadata", () -> {
            pending.removeAll(visible(pending));
            return pending.isEmpty();
        });
    }

    /** Waits until the broker shows the planned configs, so the next apply finds nothing to change. */
    private void awaitConfigsShown(List<TopicSpec> updated) {
        awaitUntil("the new configs of " + updated.size() + " topics to show", () -> {
            Map<String, ObservedTopic> observed = observe(updated.stream().map(TopicSpec::name).toList());
            return updated.stream().allMatch(spec ->
                    TopicDrift.between(spec, observed.get(spec.name())).configChanges().isEmpty());
        });
    }

    /**
     * Checks {@code condition} until it holds, pausing {@link #METADATA_POLL} between checks, for at most the call
     * timeout. Metadata propagates within milliseconds on a healthy cluster, so this is one or two rounds.
     */
    private void awaitUntil(String what, BooleanSupplier condition) {
        long rounds = Math.max(1, callTimeout.toMillis() / METADATA_POLL.toMillis());
        for (long round = 1; !condition.getAsBoolean(); round++) {
            if (round >= rounds) {
                throw new TopicAdminException(where(cluster, bootstrapServers) + ": waited " + callTimeout + " for "
                        + what + " in vain", null);
            }
            // A scheduled wake-up bounded by the call timeout; the broker offers no call that waits for metadata.
            CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(METADATA_POLL.toMillis(), TimeUnit.MILLISECONDS)).join();
        }
    }

    /** The topics among {@code topics} that the broker can describe. */
    private Set<String> visible(Set<String> topics) {
        Set<String> visible = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> description
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                await(description.getValue(), "describing topic " + description.getKey());
                visible.add(description.getKey());
            } catch (TopicAdminException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return visible;
    }

    private Map<String, ObservedTopic> observe(Collection<String> names) {
        Map<String, ObservedTopic> observed = new HashMap<>();
        if (names.isEmpty()) {
            return observed;
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames(),
                "describing " + names.size() + " topics");
        Map<ConfigResource, Config> configs = await(
                admin.describeConfigs(names.stream().map(KafkaTopicAdmin::topicResource).toList()).all(),
                "reading the configs of " + names.size() + " topics");
        for (String name : names) {
            List<TopicPartitionInfo> partitions = descriptions.get(name).partitions();
            int replicationFactor = partitions.stream().mapToInt(partition -> partition.replicas().size())
                    .min().orElse(0);
            Map<String, String> values = new HashMap<>();
            for (ConfigEntry entry : configs.get(topicResource(name)).entries()) {
                if (entry.value() != null) {
                    values.put(entry.name(), entry.value());
                }
            }
            observed.put(name, new ObservedTopic(name, partitions.size(), replicationFactor, values));
        }
        return observed;
    }

    private <T> T await(KafkaFuture<T> future, String call) {
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicAdminException(where(cluster, bootstrapServers) + ": interrupted while " + call, e);
        } catch (TimeoutException e) {
            throw new TopicAdminException(where(cluster, bootstrapServers) + ": no answer within " + callTimeout
                    + " while " + call + "; is the cluster reachable?", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                // The client's own API timeout, which equals ours: the same unanswered call.
                throw new TopicAdminException(where(cluster, bootstrapServers) + ": no answer within " + callTimeout
                        + " while " + call + "; is the cluster reachable? (" + cause.getMessage() + ")", cause);
            }
            throw new TopicAdminException(where(cluster, bootstrapServers) + ": " + call + " failed: "
                    + cause.getMessage(), cause);
        }
    }

    private void requirePlannedHere(List<TopicSpec> specs) {
        Set<String> names = new HashSet<>();
        for (TopicSpec spec : specs) {
            if (spec.cluster() != cluster) {
                throw new IllegalArgumentException("topic " + spec.name() + " is planned on the " + spec.cluster()
                        + " cluster, but this admin manages the " + cluster + " cluster");
            }
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("topic " + spec.name() + " is planned twice");
            }
        }
    }

    private static ConfigResource topicResource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    private static String where(Cluster cluster, String bootstrapServers) {
        return "topics apply on the " + cluster + " cluster (" + bootstrapServers + ")";
    }
}
