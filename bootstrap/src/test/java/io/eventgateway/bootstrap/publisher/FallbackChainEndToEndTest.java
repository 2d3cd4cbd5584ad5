package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.s3.client.S3ClientFactory;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import io.eventgateway.adapters.s3.spool.S3SpoolReader;
import io.eventgateway.adapters.s3.spool.S3SpoolSettings;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.protocol.v1.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The fallback chain against real stores that go down one after another: the primary cluster, then the alternate
 * cluster, then S3. Each step is a behaviour of its own, in order, on one running publisher; every event reported
 * STORED is read back at the location its receipt names, while that store is still up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FallbackChainEndToEndTest {

    private static final String PREFIX = TestTopics.unique("fallback") + ".";
    private static final String BUCKET = "fallback-spool";
    private static final String KEY_PREFIX = "spool/";
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker primaryBroker;
    private static EmbeddedKafkaBroker alternateBroker;
    private static EmbeddedS3Server s3;
    private static RunningPublisher publisher;
    private static KafkaRecords primary;
    private static KafkaRecords alternate;
    private static S3Client s3Client;
    private static S3SpoolReader spool;
    private static final List<Receipt> STORED_ON_PRIMARY_BEFORE_THE_OUTAGE = new ArrayList<>();

    @BeforeAll
    static void start() {
        primaryBroker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()
                .withDataDir(dataDir.resolve("primary"))).start();
        alternateBroker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()).start();
        s3 = new EmbeddedS3Server(EmbeddedS3Settings.defaults()).start();
        PlannedTopics.apply(primaryBroker.bootstrapServers(), PREFIX, Cluster.PRIMARY);
        PlannedTopics.apply(alternateBroker.bootstrapServers(), PREFIX, Cluster.ALTERNATE);
        EmbeddedS3Settings s3Settings = s3.settings();
        Map<String, Object> properties = new HashMap<>();
        properties.put("eventgateway.kafka.alternate.bootstrap-servers", alternateBroker.bootstrapServers());
        properties.put("eventgateway.s3.endpoint", s3.endpoint().toString());
        properties.put("eventgateway.s3.region", s3Settings.region());
        properties.put("eventgateway.s3.access-key", s3Settings.accessKey());
        properties.put("eventgateway.s3.secret-key", s3Settings.secretKey());
        properties.put("eventgateway.s3.bucket", BUCKET);
        properties.put("eventgateway.s3.key-prefix", KEY_PREFIX);
        properties.put("eventgateway.s3.create-bucket", true);
        properties.put("eventgateway.publisher.primary-timeout", "1s");
        properties.put("eventgateway.publisher.alternate-timeout", "1s");
        properties.put("eventgateway.publisher.spool-timeout", "3s");
        properties.put("eventgateway.publisher.breaker-probe-interval", PROBE_INTERVAL.toMillis() + "ms");
        publisher = RunningPublisher.start(primaryBroker.bootstrapServers(), PREFIX, properties);
        primary = new KafkaRecords(primaryBroker.bootstrapServers());
        alternate = new KafkaRecords(alternateBroker.bootstrapServers());
        s3Client = S3ClientFactory.forEndpoint(s3.endpoint(), s3Settings.region(), s3Settings.accessKey(),
                s3Settings.secretKey());
        spool = new S3SpoolReader(s3Client, new S3SpoolSettings(BUCKET, KEY_PREFIX, false),
                new ProtobufStoredRecordCodec());
    }

    /** Closes everything, clients before the stores they talk to, and reports the first failure with the rest. */
    @AfterAll
    static void stop() {
        IllegalStateException failure = null;
        for (AutoCloseable part : new AutoCloseable[] {primary, alternate, publisher, s3Client, s3, alternateBroker,
                primaryBroker}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the fallback chain's parts failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    @Order(1)
    void whileEveryStoreIsUpEventsLandOnThePrimaryLaneTopics() {
        List<Receipt> receipts = publisher.publishOverHttp(List.of(TestEvents.json("P30"), TestEvents.json("P20"),
                TestEvents.json("P10")));

        assertThat(receipts).allSatisfy(receipt -> {
            assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("primary");
            assertThat(receipt.location()).startsWith(PREFIX + receipt.lane() + "/");
            primary.find(receipt);
        });
        STORED_ON_PRIMARY_BEFORE_THE_OUTAGE.addAll(receipts);
    }

    @Test
    @Order(2)
    void withThePrimaryStoppedEventsLandOnTheAlternatesFailedWritesTopic() {
        primaryBroker.close();

        List<Receipt> receipts = publisher.publishOverGrpc(List.of(TestEvents.proto(Priority.P30).build(),
                TestEvents.proto(Priority.P20).build(), TestEvents.proto(Priority.P10).build(),
                TestEvents.proto(Priority.P30).setGroupKey("cart-7").build()));

        assertThat(receipts).allSatisfy(receipt -> {
            assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("alternate");
            assertThat(receipt.location()).startsWith(PREFIX + "failed-writes/");
            alternate.find(receipt);
        });
    }

    @Test
    @Order(3)
    void withBothClustersStoppedEventsLandInOneS3SpoolObject() {
        alternateBroker.close();

        List<Receipt> receipts = publisher.publishOverHttp(List.of(TestEvents.json("P30"), TestEvents.json("P20"),
                TestEvents.json("P10")));

        assertThat(receipts).allSatisfy(receipt -> {
            assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("s3");
            assertThat(receipt.location()).startsWith("s3://" + BUCKET + "/" + KEY_PREFIX);
            findInSpool(receipt);
        });
        assertThat(receipts).extracting(Receipt::location).containsOnly(receipts.get(0).location());
    }

    @Test
    @Order(4)
    void withEveryStoreDownEventsAreUnavailableAndNoneIsReportedStored() {
        s3.close();
        double storedBefore = publisher.counter("eg.publish.stored");
        double unavailableBefore = publisher.counter("eg.publish.failed", "error_type", "unavailable");

        List<Receipt> receipts = publisher.publishOverHttp(List.of(TestEvents.json("P30"), TestEvents.json("P20"),
                TestEvents.json("P10")));

        assertThat(receipts).allSatisfy(receipt -> {
            assertThat(receipt.status()).as("%s", receipt).isEqualTo("UNAVAILABLE");
            assertThat(receipt.location()).isNull();
            assertThat(receipt.errorReason()).isNotBlank();
        });
        assertThat(publisher.counter("eg.publish.stored")).isEqualTo(storedBefore);
        assertThat(publisher.counter("eg.publish.failed", "error_type", "unavailable"))
                .isEqualTo(unavailableBefore + receipts.size());
    }

    @Test
    @Order(5)
    void afterThePrimaryRestartsOnItsPortAndDataDirNewEventsGoToThePrimaryAgain() {
        primaryBroker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()
                .withBrokerPort(primaryBroker.port()).withDataDir(primaryBroker.dataDir())).start();

        // Until the circuit's probe reaches the restarted broker and each lane's producer has reconnected, events
        // find every store down: they are answered UNAVAILABLE, never stored elsewhere or lost.
        List<Receipt> whileRecovering = new ArrayList<>();
        await().atMost(Duration.ofSeconds(45)).pollInterval(PROBE_INTERVAL).until(() -> {
            List<Receipt> receipts = publisher.publishOverHttp(List.of(TestEvents.json("P30"),
                    TestEvents.json("P20"), TestEvents.json("P10")));
            whileRecovering.addAll(receipts);
            return receipts.stream().allMatch(Receipt::isStored);
        });

        assertThat(whileRecovering).allSatisfy(receipt -> {
            if (receipt.isStored()) {
                assertThat(receipt.storedIn()).as("%s", receipt).isEqualTo("primary");
                primary.find(receipt);
            } else {
                assertThat(receipt.status()).as("%s", receipt).isEqualTo("UNAVAILABLE");
            }
        });
        assertThat(STORED_ON_PRIMARY_BEFORE_THE_OUTAGE).allSatisfy(primary::find);
    }

    private static DecodedRecord findInSpool(Receipt receipt) {
        String key = receipt.location().substring(("s3://" + BUCKET + "/").length());
        DecodedRecord record = spool.read(key).stream()
                .filter(candidate -> candidate.record().eventId().equals(receipt.eventId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(receipt.eventId() + " is not in " + receipt.location()));
        assertThat(record.lane().shortName()).isEqualTo(receipt.lane());
        assertThat(record.record().priority().name()).isEqualTo(receipt.priority());
        return record;
    }
}
