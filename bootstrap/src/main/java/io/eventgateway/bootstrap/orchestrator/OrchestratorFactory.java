package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.grpc.tasks.GrpcTasksService;
import io.eventgateway.adapters.grpc.tasks.TasksLimits;
import io.eventgateway.adapters.kafka.dispatch.FetchBounds;
import io.eventgateway.adapters.kafka.dispatch.KafkaHandoffWriter;
import io.eventgateway.adapters.kafka.dispatch.KafkaOffsetCommitter;
import io.eventgateway.adapters.kafka.dispatch.LaneConsumerLoop;
import io.eventgateway.adapters.kafka.dispatch.LaneTopics;
import io.eventgateway.adapters.kafka.dispatch.OrchestratorKafkaSettings;
import io.eventgateway.adapters.kafka.dispatch.ReplicaTopology;
import io.eventgateway.adapters.kafka.dispatch.ResponseConsumerLoop;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorSettings;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.OrchestratorConfig;
import io.eventgateway.bootstrap.config.TopicsConfig;
import io.eventgateway.bootstrap.role.OrchestratorRole;
import io.eventgateway.bootstrap.topics.EmbeddedTopicsAtStartup;
import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.memory.MemoryBudgetSettings;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.retry.RetrySettings;
import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator role: lane consumers feed the dispatch service, processors lease from it over gRPC
 * {@code Tasks}, responses come back on the replica's response partition, and positions are committed through the
 * replica's transactional committer. The topic layout and the memory budget are checked here, at startup.
 */
@Factory
@OrchestratorRole
public class OrchestratorFactory {

    /** Dead-letter writes give up after this and are tried again by the service. */
    /** How long startup waits to describe the topics before it fails naming the cluster. */
    private static final Duration TOPOLOGY_TIMEOUT = Duration.ofSeconds(30);

    @Singleton
    ReplicaIdentity replicaIdentity(OrchestratorConfig config,
            @Value("${eventgateway.topics.orchestrator-replicas}") int replicas) {
        return ReplicaIndexes.resolve(config.index(), System.getenv("HOSTNAME"), replicas);
    }

    @Singleton
    OrchestratorKafkaSettings orchestratorKafkaSettings(KafkaClusters clusters, OrchestratorConfig config,
            ReplicaIdentity identity) {
        Map<Lane, FetchBounds> laneFetch = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            laneFetch.put(lane, fetchBounds(lookup(config.maxPollRecords(), lane, "max-poll-records"),
                    lookup(config.fetchMaxBytes(), lane, "fetch-max-bytes")));
        }
        return new OrchestratorKafkaSettings(clusters.primary(), config.groupId(), config.transactionalIdPrefix(),
                identity.index(), identity.replicas(), laneFetch,
                fetchBounds(config.responseMaxPollRecords(), config.responseFetchMaxBytes()), config.pollTimeout(),
                config.commitTimeout(), config.closeTimeout(), Map.of());
    }

    @Singleton
    LaneTopics laneTopics(TopicNames names, TopicsConfig topics) {
        return new LaneTopics(names, topics.retryLevels());
    }

    /**
     * Fails startup with one line naming every missing or too small topic. On embedded infrastructure the topics are
     * applied first ({@code topicsApplied} is only there to order the two).
     */
    @Singleton
    ReplicaTopology replicaTopology(OrchestratorKafkaSettings settings, LaneTopics topics,
            @Nullable EmbeddedTopicsAtStartup topicsApplied) {
        return ReplicaTopology.describe(settings, topics, TOPOLOGY_TIMEOUT);
    }

    /** Fails startup, with the numbers, when the budget and the lane prefetch do not fit the heap share. */
    @Singleton
    OrchestratorSettings orchestratorSettings(OrchestratorConfig config, ReplicaIdentity identity,
            OrchestratorKafkaSettings kafka, SloPolicy slo, TopicsConfig topics, Clock clock) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long budget = config.memoryBudgetBytes() > 0 ? config.memoryBudgetBytes() : HeapFit.defaultBudget(maxHeap);
        HeapFit.require(budget, kafka.laneFetch(), config.heapShare(), maxHeap);
        LeaseSettings lease = new LeaseSettings(config.leaseTtl(),
                config.maxLeaseTotal() != null ? config.maxLeaseTotal() : config.leaseTtl().multipliedBy(5),
                config.maxDeliveries(), LeaseSettings.DEFAULT_REMEMBERED_RESOLUTIONS);
        DispatchSettings dispatch = new DispatchSettings(config.fairnessWindow(), config.overdueShare(),
                config.strictKeyOrdering(), DispatchSettings.DEFAULT_MAX_TASKS);
        return new OrchestratorSettings(identity, dispatch, lease,
                MemoryBudgetSettings.defaults().withTotalBytes(budget), config.maxUncommittedSpan(),
                OffsetMetadataCodec.DEFAULT_MAX_BYTES, slo, clock.millis(), config.idleRecommitInterval(),
                OrchestratorSettings.DEFAULT_MAX_WAITERS, new RetrySettings(topics.retryLevels(),
                        config.retryBaseDelay(), config.retryMultiplier(), config.inMemoryRetryDelay(),
                        config.maxAttempts(), config.maxDeliveries()),
                OrchestratorSettings.DEFAULT_HANDOFF_RETRY_DELAY, config.dedupWindow(), config.dedupMaxEntries(),
                config.maxOffloads());
    }

    @Singleton
    MicrometerDispatchMetrics dispatchMetrics(MeterRegistry registry, ReplicaIdentity identity) {
        return new MicrometerDispatchMetrics(registry, identity.index());
    }

    /** Hand-offs to retry levels, offload and the DLQ, written in the commit transaction. */
    @Singleton
    KafkaHandoffWriter handoffWriter(TopicNames names, StoredRecordCodec codec, Clock clock) {
        return new KafkaHandoffWriter(names, codec, clock);
    }

    @Singleton
    DispatchService dispatchService(OrchestratorSettings settings, StoredRecordCodec codec,
            KafkaHandoffWriter handoffs, LaneTopics topics, MicrometerDispatchMetrics metrics, Clock clock) {
        DispatchService service = new DispatchService(settings, codec, handoffs, topics::retryLevelOf, metrics,
                clock);
        metrics.bindStatus(service::status);
        return service;
    }

    /** Closed by {@link OrchestratorLoops}, after the final commit. */
    @Singleton
    ResponseConsumerLoop responseConsumerLoop(ReplicaTopology topology, OrchestratorKafkaSettings settings,
            DispatchService service, Clock clock) {
        return new ResponseConsumerLoop(topology.responsePartition(), settings, service, clock);
    }

    /** Commits the response position with every commit. Closed by {@link OrchestratorLoops}. */
    @Singleton
    KafkaOffsetCommitter offsetCommitter(OrchestratorKafkaSettings settings, ResponseConsumerLoop responses,
            KafkaHandoffWriter handoffs) {
        return new KafkaOffsetCommitter(settings, responses::position, handoffs);
    }

    /** Closed by {@link OrchestratorLoops}, after the final commit. */
    @Singleton
    LaneConsumers laneConsumers(ReplicaTopology topology, OrchestratorKafkaSettings settings, DispatchService service,
            Clock clock) {
        List<LaneConsumerLoop> loops = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            loops.add(new LaneConsumerLoop(lane, topology.ownedPartitions(lane), settings, service, clock));
        }
        return new LaneConsumers(loops);
    }

    /** Served by the one gRPC server, beside Ingest when the publisher runs here too. */
    @Singleton
    @Named("tasks")
    BindableService tasksService(DispatchService service, OrchestratorConfig config) {
        return new GrpcTasksService(service, service, new TasksLimits(config.batchDefaultMaxTasks(),
                config.batchMaxTasks(), config.batchDefaultMaxBytes(), config.batchMaxBytes(),
                config.batchMaxWait()));
    }

    private static FetchBounds fetchBounds(int maxPollRecords, int fetchMaxBytes) {
        // A partition may fill the whole fetch, up to the default payload limit: a single record larger than that
        // is still returned alone.
        return new FetchBounds(maxPollRecords, fetchMaxBytes, Math.min(fetchMaxBytes, FetchBounds.DEFAULT
                .maxPartitionFetchBytes()));
    }

    private static int lookup(Map<String, Integer> byLane, Lane lane, String name) {
        Integer value = byLane == null ? null : byLane.get(lane.shortName());
        if (value == null) {
            throw new IllegalStateException("eventgateway.orchestrator." + name + "." + lane.shortName()
                    + " is not set");
        }
        return value;
    }
}
