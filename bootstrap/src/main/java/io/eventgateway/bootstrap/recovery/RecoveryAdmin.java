package io.eventgateway.bootstrap.recovery;

import io.eventgateway.adapters.kafka.dlq.DlqReaderSettings;
import io.eventgateway.adapters.kafka.dlq.KafkaDeadLetterSource;
import io.eventgateway.adapters.kafka.dlq.KafkaRedriveMarkers;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.recovery.ClusterProbe;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.s3.client.S3ClientFactory;
import io.eventgateway.adapters.s3.spool.S3SpoolArchive;
import io.eventgateway.adapters.s3.spool.S3SpoolReader;
import io.eventgateway.adapters.s3.spool.S3SpoolSettings;
import io.eventgateway.application.recovery.DlqInspectService;
import io.eventgateway.application.recovery.DlqRedriveService;
import io.eventgateway.application.recovery.PacedRedriver;
import io.eventgateway.application.recovery.Pause;
import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedrivePacer;
import io.eventgateway.application.recovery.RedriveWriter;
import io.eventgateway.application.recovery.ReplaySpoolService;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.S3Config;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The recovery admin commands' services, built from a context's configuration (the same {@code application.yml}
 * and environment the roles read), with the clients they open closed together. Each service is built on first use,
 * after checking that the cluster it needs answers, so an unreachable cluster is one clear error up front.
 */
public final class RecoveryAdmin implements AutoCloseable {

    private final RecoveryConfig config;
    private final KafkaClusters clusters;
    private final ApplicationContext context;
    private final TopicNames names;
    private final StoredRecordCodec codec;
    private final Clock clock;
    private final int replicas;
    private final Duration staleAfter;
    private final Pause pause;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private RedriveKit kit;
    private KafkaRedriveMarkers markers;

    public RecoveryAdmin(ApplicationContext context, Pause pause) {
        this.config = context.getBean(RecoveryConfig.class);
        this.clusters = context.getBean(KafkaClusters.class);
        this.context = context;
        this.names = context.getBean(TopicNames.class);
        this.codec = context.getBean(StoredRecordCodec.class);
        this.clock = context.getBean(Clock.class);
        this.replicas = context.getRequiredProperty("eventgateway.topics.orchestrator-replicas", Integer.class);
        this.staleAfter = context.getRequiredProperty("eventgateway.flow-control.stale-after", Duration.class);
        this.pause = pause;
    }

    public RecoveryConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * @param dryRun a dry run only reads the bucket, so it neither needs nor checks the primary
     * @throws MissingConfigurationException when no S3 endpoint is configured
     */
    public ReplaySpoolService replaySpool(boolean dryRun) throws InterruptedException {
        if (context.getProperty("eventgateway.s3.endpoint", String.class).filter(e -> !e.isBlank()).isEmpty()) {
            throw new MissingConfigurationException("no S3 spool configured: set EVENTGATEWAY_S3_ENDPOINT (and"
                    + " EVENTGATEWAY_S3_ACCESS_KEY, EVENTGATEWAY_S3_SECRET_KEY, EVENTGATEWAY_S3_BUCKET)");
        }
        S3Config s3 = context.getBean(S3Config.class);
        S3Client client = S3ClientFactory.forEndpoint(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey(),
                config.requestTimeout());
        opened.add(client);
        S3SpoolReader reader = new S3SpoolReader(client, new S3SpoolSettings(s3.bucket(), s3.keyPrefix(), false),
                codec);
        PacedRedriver redriver = dryRun ? writeNothing() : kit().redriver();
        return new ReplaySpoolService(new S3SpoolArchive(reader), redriver, config.ackTimeout());
    }

    public DlqRedriveService dlqRedrive() throws InterruptedException {
        return new DlqRedriveService(deadLetters(), markers(), kit().redriver(), clock, config.batchSize(),
                config.ackTimeout());
    }

    public DlqInspectService dlqInspect() throws InterruptedException {
        return new DlqInspectService(deadLetters(), markers());
    }

    private KafkaDeadLetterSource deadLetters() {
        return new KafkaDeadLetterSource(readerSettings(), names, codec);
    }

    private KafkaRedriveMarkers markers() throws InterruptedException {
        if (markers == null) {
            ClusterProbe.requireReachable("primary", clusters.primary(), config.requestTimeout());
            markers = new KafkaRedriveMarkers(readerSettings(), KafkaWriterSettings.defaults(clusters.primary(),
                    "primary", config.writeTimeout()), names, clock);
            opened.add(markers);
        }
        return markers;
    }

    private RedriveKit kit() throws InterruptedException {
        if (kit == null) {
            ClusterProbe.requireReachable("primary", clusters.primary(), config.requestTimeout());
            kit = new RedriveKit(config, clusters.primary(), names, codec, clock, replicas, staleAfter, pause,
                    RecoveryMetrics.NONE);
            opened.add(kit);
        }
        return kit;
    }

    /** A redriver for dry runs, which never write: a write reaching it is a bug, so it fails. */
    private PacedRedriver writeNothing() {
        RedriveWriter refusing = item -> CompletableFuture.failedFuture(
                new IllegalStateException("a dry run writes nothing"));
        return new PacedRedriver(refusing, new RedrivePacer(config.pacing(), new FlowSignalBoard(replicas,
                staleAfter), clock), pause, RecoveryMetrics.NONE, clock);
    }

    private DlqReaderSettings readerSettings() {
        return new DlqReaderSettings(clusters.primary(), config.requestTimeout(), Duration.ofMillis(200));
    }

    /** Closes what was opened, last first. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the recovery clients failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A setting the command needs is missing: a usage problem, not a failure of the system. */
    public static final class MissingConfigurationException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public MissingConfigurationException(String message) {
            super(message);
        }
    }
}
