package io.eventgateway.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.recovery.ReplayProgress;
import io.eventgateway.application.recovery.ReplaySpoolCommand;
import io.eventgateway.application.recovery.ReplaySpoolReport;
import io.eventgateway.bootstrap.recovery.LaneTopicRecords.LaneRecord;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.IngestEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fallback loop under a running load: the primary stops (events go to the alternate), then the alternate
 * too (events go to S3); both come back; the recovery role drains the alternate and {@code replay-s3} the spool;
 * every event the publisher reported stored is on a primary lane topic. Zero lost.
 */
class OutageRoundTripEndToEndTest {

    private static final String BUCKET = "outage-spool";

    @TempDir
    Path dataDir;

    private final String prefix = TestTopics.unique("outage") + ".";
    private final List<EventReceipt.Stored> stored = new CopyOnWriteArrayList<>();
    private EmbeddedKafkaBroker primary;
    private EmbeddedKafkaBroker alternate;
    private EmbeddedS3Server s3;
    private GatewayRuntime gateway;
    private Thread load;
    private volatile boolean loading = true;

    @AfterEach
    void stop() throws InterruptedException {
        loading = false;
        if (load != null) {
            load.join(10_000);
        }
        for (AutoCloseable part : new AutoCloseable[] {gateway, s3, alternate, primary}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("closing " + part + " failed", e);
            }
        }
    }

    @Test
    void everyEventAcceptedDuringAPrimaryAndAlternateOutageReachesTheLaneTopicsAfterRecovery() throws Exception {
        primary = broker(0, "primary");
        alternate = broker(0, "alternate");
        s3 = new EmbeddedS3Server(EmbeddedS3Settings.defaults()).start();
        RecoveryTopics.apply(primary.bootstrapServers(), prefix, Cluster.PRIMARY);
        RecoveryTopics.apply(alternate.bootstrapServers(), prefix, Cluster.ALTERNATE);
        Map<String, Object> properties = properties();
        gateway = GatewayRuntime.start(new LaunchOptions(RoleSet.parse("publisher,recovery"), false, null,
                properties));
        startLoad(gateway.context().getBean(PublishEventsUseCase.class));
        awaitStoredIn(StoredLocation.Kind.PRIMARY);

        primary.close();
        awaitStoredIn(StoredLocation.Kind.ALTERNATE);
        alternate.close();
        awaitStoredIn(StoredLocation.Kind.S3);
        loading = false;
        load.join(10_000);

        primary = broker(primary.port(), "primary");
        alternate = broker(alternate.port(), "alternate");
        Set<String> onAlternate = idsStoredIn(StoredLocation.Kind.ALTERNATE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> laneIds().containsAll(onAlternate));
        ReplaySpoolReport replay = replayS3(properties);

        assertThat(replay.isClean()).isTrue();
        assertThat(replay.events()).isEqualTo(idsStoredIn(StoredLocation.Kind.S3).size());
        Set<String> accepted = stored.stream().map(EventReceipt::eventId).collect(Collectors.toSet());
        assertThat(laneIds()).containsAll(accepted);
        assertThat(counter("eg.recovery.redriven", "source", "failed_writes")).isGreaterThanOrEqualTo(
                onAlternate.size());
        assertThat(replayS3(properties).objectsListed()).as("a second replay finds nothing left").isZero();
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = RecoveryTopics.properties(primary.bootstrapServers(), prefix);
        EmbeddedS3Settings s3Settings = s3.settings();
        properties.put("eventgateway.kafka.alternate.bootstrap-servers", alternate.bootstrapServers());
        properties.put("eventgateway.s3.endpoint", s3.endpoint().toString());
        properties.put("eventgateway.s3.region", s3Settings.region());
        properties.put("eventgateway.s3.access-key", s3Settings.accessKey());
        properties.put("eventgateway.s3.secret-key", s3Settings.secretKey());
        properties.put("eventgateway.s3.bucket", BUCKET);
        properties.put("eventgateway.s3.create-bucket", true);
        properties.put("eventgateway.publisher.primary-timeout", "1s");
        properties.put("eventgateway.publisher.alternate-timeout", "1s");
        properties.put("eventgateway.publisher.spool-timeout", "3s");
        properties.put("eventgateway.publisher.breaker-probe-interval", "300ms");
        return properties;
    }

    private EmbeddedKafkaBroker broker(int port, String name) {
        return new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults().withBrokerPort(port)
                .withDataDir(dataDir.resolve(name))).start();
    }

    /** Publishes small batches in process until stopped, keeping every STORED receipt. */
    private void startLoad(PublishEventsUseCase publisher) {
        load = new Thread(() -> {
            while (loading) {
                List<IngestEvent> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    batch.add(new IngestEvent(UUID.randomUUID().toString(), "tenant-" + (i % 3), "checkout",
                            "order.created", null, Payload.wrap("{}".getBytes(StandardCharsets.UTF_8)), Map.of(),
                            i % 2 == 0 ? "P20" : "P30", null, null, List.of()));
                }
                try {
                    publisher.publish(new PublishEventsCommand(batch, 500)).get(30, TimeUnit.SECONDS).receipts()
                            .stream()
                            .filter(EventReceipt.Stored.class::isInstance)
                            .map(EventReceipt.Stored.class::cast)
                            .forEach(stored::add);
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException("the load's publish failed", e);
                }
            }
        }, "outage-load");
        load.start();
    }

    private void awaitStoredIn(StoredLocation.Kind kind) {
        int before = idsStoredIn(kind).size();
        await().atMost(Duration.ofSeconds(60)).until(() -> idsStoredIn(kind).size() >= before + 10);
    }

    private Set<String> idsStoredIn(StoredLocation.Kind kind) {
        return stored.stream().filter(receipt -> receipt.location().kind() == kind).map(EventReceipt::eventId)
                .collect(Collectors.toSet());
    }

    private Set<String> laneIds() {
        return LaneTopicRecords.readAll(primary.bootstrapServers(), prefix).stream().map(LaneRecord::eventId)
                .collect(Collectors.toSet());
    }

    private ReplaySpoolReport replayS3(Map<String, Object> properties) throws InterruptedException {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(properties).start();
                RecoveryAdmin admin = new RecoveryAdmin(context, duration -> Thread.sleep(duration.toMillis()))) {
            return admin.replaySpool(false).replay(new ReplaySpoolCommand(Instant.EPOCH, Instant.now(), false),
                    ReplayProgress.NONE);
        }
    }

    private double counter(String name, String... tags) {
        return gateway.context().getBean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
