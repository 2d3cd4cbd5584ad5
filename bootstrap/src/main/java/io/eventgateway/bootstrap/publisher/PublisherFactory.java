package io.eventgateway.bootstrap.publisher;

import io.eventgateway.adapters.grpc.ingest.GrpcIngestService;
import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSource;
import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSourceSettings;
import io.eventgateway.adapters.kafka.publish.KafkaFailedWriteStore;
import io.eventgateway.adapters.kafka.publish.KafkaLaneTopicWriter;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.s3.client.S3ClientFactory;
import io.eventgateway.adapters.s3.spool.S3SpoolSettings;
import io.eventgateway.adapters.s3.spool.S3SpoolStore;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.application.ingest.FailedWriteStore;
import io.eventgateway.application.ingest.IngestMetrics;
import io.eventgateway.application.ingest.LaneTopicWriter;
import io.eventgateway.application.ingest.PublishEventsService;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.PublishSettings;
import io.eventgateway.application.ingest.PublishTargets;
import io.eventgateway.application.ingest.SpoolStore;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.application.settings.DynamicSettings;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.AimdConfig;
import io.eventgateway.bootstrap.config.ClassifierConfig;
import io.eventgateway.bootstrap.config.PublisherConfig;
import io.eventgateway.bootstrap.config.S3Config;
import io.eventgateway.bootstrap.metrics.MicrometerAdmissionMetrics;
import io.eventgateway.bootstrap.metrics.MicrometerIngestMetrics;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.bootstrap.settings.LiveDynamicSettings;
import io.eventgateway.domain.admission.AimdController;
import io.eventgateway.domain.classify.Classifier;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.ingest.EventValidator;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.routing.RolloutRule;
import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The publisher role: ingest over gRPC and HTTP onto the fallback chain, with P10 admission fed by flow control. */
@Factory
@PublisherRole
public class PublisherFactory {

    @Singleton
    LiveDynamicSettings dynamicSettings(AimdConfig aimd, @Value("${eventgateway.rollout.percent:0}") int rollout) {
        return new LiveDynamicSettings(new DynamicSettings(new RolloutRule(rollout), aimd.toSettings()));
    }

    /** Shared by ingest and P10 admission, which both synchronise on it. */
    @Singleton
    Classifier classifier(ClassifierConfig config, AimdConfig aimd, Clock clock) {
        return new Classifier(config.toSettings(), aimd.initial(), clock.instant());
    }

    @Singleton
    @Named("primary")
    @Bean(preDestroy = "close")
    KafkaLaneTopicWriter primaryWriter(KafkaClusters clusters, PublisherConfig config, TopicNames names,
            StoredRecordCodec codec, Clock clock) {
        return new KafkaLaneTopicWriter(KafkaWriterSettings.defaults(clusters.primary(), "primary",
                config.primaryTimeout()), names, codec, clock);
    }

    @Singleton
    @Named("rollout")
    @Bean(preDestroy = "close")
    @Requires(property = "eventgateway.kafka.rollout.bootstrap-servers")
    KafkaLaneTopicWriter rolloutWriter(KafkaClusters clusters, PublisherConfig config, TopicNames names,
            StoredRecordCodec codec, Clock clock) {
        return new KafkaLaneTopicWriter(KafkaWriterSettings.defaults(clusters.rollout().orElseThrow(), "rollout",
                config.primaryTimeout()), names, codec, clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "eventgateway.kafka.alternate.bootstrap-servers")
    KafkaFailedWriteStore failedWriteStore(KafkaClusters clusters, PublisherConfig config, TopicNames names,
            StoredRecordCodec codec, Clock clock) {
        return new KafkaFailedWriteStore(KafkaWriterSettings.defaults(clusters.alternate().orElseThrow(),
                "alternate", config.alternateTimeout()), names, codec, clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "eventgateway.s3.endpoint")
    S3SpoolStore spoolStore(S3Config s3, StoredRecordCodec codec, Clock clock) {
        return S3SpoolStore.open(S3ClientFactory.forEndpoint(s3.endpoint(), s3.region(), s3.accessKey(),
                s3.secretKey()), new S3SpoolSettings(s3.bucket(), s3.keyPrefix(), s3.createBucket()), codec, clock);
    }

    @Singleton
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new MicrometerIngestMetrics(registry);
    }

    @Singleton
    PublishEventsUseCase publishEvents(PublisherConfig config, SloPolicy slo, Classifier classifier,
            @Named("primary") LaneTopicWriter primary, @Nullable @Named("rollout") LaneTopicWriter rollout,
            @Nullable FailedWriteStore alternate, @Nullable SpoolStore spool, LiveDynamicSettings dynamicSettings,
            IngestMetrics metrics, Clock clock) {
        PublishSettings settings = config.toSettings();
        return new PublishEventsService(settings, new EventValidator(settings.limits(), slo),
                classifier, new PublishTargets(primary, Optional.ofNullable(rollout), Optional.ofNullable(alternate),
                        Optional.ofNullable(spool)),
                dynamicSettings, () -> UUID.randomUUID().toString(), metrics, clock);
    }

    @Singleton
    BindableService ingestService(PublishEventsUseCase publishEvents) {
        return new GrpcIngestService(publishEvents);
    }

    @Singleton
    P10AdmissionService p10Admission(Classifier classifier, LiveDynamicSettings dynamicSettings,
            @Value("${eventgateway.topics.orchestrator-replicas}") int replicas,
            @Value("${eventgateway.flow-control.stale-after}") Duration staleAfter, MeterRegistry registry,
            Clock clock) {
        return new P10AdmissionService(new FlowSignalBoard(replicas, staleAfter),
                new AimdController(dynamicSettings.current().aimd()), classifier, dynamicSettings,
                new MicrometerAdmissionMetrics(registry), clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    KafkaFlowSignalSource flowSignalSource(KafkaClusters clusters, TopicNames names) {
        return new KafkaFlowSignalSource(KafkaFlowSignalSourceSettings.defaults(clusters.primary()), names);
    }
}
