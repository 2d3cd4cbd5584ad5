package io.eventgateway.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.recovery.KafkaRedriveWriter;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.s3.client.S3ClientFactory;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import io.eventgateway.adapters.s3.spool.S3SpoolArchive;
import io.eventgateway.adapters.s3.spool.S3SpoolReader;
import io.eventgateway.adapters.s3.spool.S3SpoolSettings;
import io.eventgateway.adapters.s3.spool.S3SpoolStore;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.application.recovery.PacedRedriver;
import io.eventgateway.application.recovery.PacingSettings;
import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedriveFailedException;
import io.eventgateway.application.recovery.RedrivePacer;
import io.eventgateway.application.recovery.RedriveWriter;
import io.eventgateway.application.recovery.ReplayProgress;
import io.eventgateway.application.recovery.ReplaySpoolCommand;
import io.eventgateway.application.recovery.ReplaySpoolReport;
import io.eventgateway.application.recovery.ReplaySpoolService;
import io.eventgateway.application.recovery.SpooledObject;
import io.eventgateway.bootstrap.recovery.LaneTopicRecords.LaneRecord;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code replay-s3} against a real S3 API and broker, crashed in the middle of an object: the objects fully acked
 * are deleted, the one cut short and those after it are kept, and a second run re-drives the rest; no event is lost.
 */
class ReplayS3InterruptedEndToEndTest {

    private static final int OBJECTS = 3;
    private static final int EVENTS_PER_OBJECT = 5;
    private static final String BUCKET = "replay-spool";

    private final String prefix = TestTopics.unique("replay-s3") + ".";
    private final String servers = SharedKafkaBroker.bootstrapServers();
    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
    private final List<String> spooledIds = new ArrayList<>();
    private EmbeddedS3Server s3;
    private S3Client client;
    private S3SpoolArchive archive;
    private KafkaRedriveWriter writer;

    @BeforeEach
    void spoolThreeObjects() {
        RecoveryTopics.apply(servers, prefix, Cluster.PRIMARY);
        s3 = new EmbeddedS3Server(EmbeddedS3Settings.defaults()).start();
        EmbeddedS3Settings settings = s3.settings();
        client = S3ClientFactory.forEndpoint(s3.endpoint(), settings.region(), settings.accessKey(),
                settings.secretKey());
        S3SpoolSettings spool = new S3SpoolSettings(BUCKET, "spool/", true);
        try (S3SpoolStore store = S3SpoolStore.open(client, spool, codec, Clock.systemUTC())) {
            for (int object = 0; object < OBJECTS; object++) {
                List<LaneWrite> batch = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_OBJECT; i++) {
                    EventRecord record = event();
                    spooledIds.add(record.eventId());
                    batch.add(new LaneWrite(record, Lane.of(record.priority())));
                }
                store.writeBatch(batch).join();
            }
        }
        archive = new S3SpoolArchive(new S3SpoolReader(client, spool, codec));
        writer = new KafkaRedriveWriter(KafkaWriterSettings.defaults(servers, "primary", Duration.ofSeconds(5)),
                new TopicNames(prefix), codec, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        writer.close();
        client.close();
        s3.close();
    }

    @Test
    void aReplayCrashedMidObjectKeepsThatObjectAndAReRunLosesNoEvent() throws InterruptedException {
        List<SpooledObject> before = archive.list(Instant.EPOCH, Instant.now());
        assertThat(before).hasSize(OBJECTS);
        RedriveWriter crashesOnTheSeventhWrite = failingAfter(EVENTS_PER_OBJECT + 2);

        assertThatThrownBy(() -> replay(crashesOnTheSeventhWrite, false))
                .isInstanceOf(RedriveFailedException.class)
                .hasMessageContaining(before.get(1).key());

        assertThat(archive.list(Instant.EPOCH, Instant.now())).extracting(SpooledObject::key)
                .containsExactly(before.get(1).key(), before.get(2).key());

        ReplaySpoolReport rerun = replay(writer, false);

        assertThat(rerun.isClean()).isTrue();
        assertThat(rerun.objectsDone()).isEqualTo(2);
        assertThat(archive.list(Instant.EPOCH, Instant.now())).isEmpty();
        List<String> onLanes = LaneTopicRecords.readAll(servers, prefix).stream().map(LaneRecord::eventId).toList();
        assertThat(onLanes).containsAll(spooledIds);
    }

    @Test
    void aDryRunReadsEveryObjectAndChangesNothingAndASecondRealRunFindsNothing() throws InterruptedException {
        ReplaySpoolReport dryRun = replay(writer, true);
        assertThat(dryRun.events()).isEqualTo(OBJECTS * EVENTS_PER_OBJECT);
        assertThat(archive.list(Instant.EPOCH, Instant.now())).hasSize(OBJECTS);

        replay(writer, false);
        ReplaySpoolReport again = replay(writer, false);

        assertThat(again.objectsListed()).isZero();
        assertThat(LaneTopicRecords.readAll(servers, prefix)).extracting(LaneRecord::eventId)
                .containsExactlyInAnyOrderElementsOf(spooledIds);
    }

    private ReplaySpoolReport replay(RedriveWriter target, boolean dryRun) throws InterruptedException {
        RedrivePacer pacer = new RedrivePacer(new PacingSettings(10_000, 100, Duration.ofMillis(100)),
                new FlowSignalBoard(1, Duration.ofSeconds(5)), Clock.systemUTC());
        PacedRedriver redriver = new PacedRedriver(target, pacer, duration -> Thread.sleep(duration.toMillis()),
                RecoveryMetrics.NONE, Clock.systemUTC());
        return new ReplaySpoolService(archive, redriver, Duration.ofSeconds(10))
                .replay(new ReplaySpoolCommand(Instant.EPOCH, Instant.now(), dryRun), ReplayProgress.NONE);
    }

    /** The real writer for the first {@code writes} records, then a crash: every later write fails. */
    private RedriveWriter failingAfter(int writes) {
        AtomicInteger count = new AtomicInteger();
        return item -> count.incrementAndGet() <= writes
                ? writer.write(item)
                : CompletableFuture.<StoredLocation>failedFuture(new IllegalStateException("crashed"));
    }

    private static EventRecord event() {
        Instant ingested = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new EventRecord(UUID.randomUUID().toString(), "acme", "checkout", "order.created", null,
                Payload.wrap("{}".getBytes(StandardCharsets.UTF_8)), Map.of(), Priority.P20, ingested,
                ingested.plusSeconds(60), 0, 0, null, null);
    }
}
