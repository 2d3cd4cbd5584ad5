package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollout percent changes at runtime through {@code PUT /admin/settings}, without a restart: from then on exactly
 * the tenants with {@code crc32(company_id) mod 100 < percent} are written to the rollout cluster and every other
 * tenant to the primary. Each event is read back from the cluster its tenant belongs to. The steps run in order, as
 * an operator would turn the percent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutEndToEndTest {

    private static final String PREFIX = TestTopics.unique("rollout") + ".";
    private static final List<String> TENANTS = IntStream.range(0, 40).mapToObj(i -> "tenant-" + i).toList();
    private static final int CONFIGURED_PERCENT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafkaBroker rolloutBroker;
    private static RunningPublisher publisher;
    private static KafkaRecords primary;
    private static KafkaRecords rollout;

    @BeforeAll
    static void start() {
        String servers = SharedKafkaBroker.bootstrapServers();
        rolloutBroker = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()).start();
        PlannedTopics.apply(servers, PREFIX, Cluster.PRIMARY);
        PlannedTopics.apply(rolloutBroker.bootstrapServers(), PREFIX, Cluster.PRIMARY);
        publisher = RunningPublisher.start(servers, PREFIX, Map.of(
                "eventgateway.kafka.rollout.bootstrap-servers", rolloutBroker.bootstrapServers(),
                "eventgateway.rollout.percent", CONFIGURED_PERCENT));
        primary = new KafkaRecords(servers);
        rollout = new KafkaRecords(rolloutBroker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        try {
            primary.close();
            rollout.close();
            publisher.close();
        } finally {
            rolloutBroker.close();
        }
    }

    @Test
    @Order(0)
    void theTenantsChosenByAMiddlePercentAreSomeButNotAll() {
        assertThat(TENANTS.stream().filter(tenant -> bucketOf(tenant) < 30).count())
                .as("tenants below 30 of %s", TENANTS).isBetween(1L, TENANTS.size() - 1L);
        assertThat(TENANTS.stream().filter(tenant -> bucketOf(tenant) < 70).count())
                .as("tenants below 70 of %s", TENANTS).isBetween(1L, TENANTS.size() - 1L);
    }

    @Test
    @Order(1)
    void theConfiguredPercentAppliesFromStart() throws Exception {
        assertThat(JSON.readTree(publisher.get("/admin/settings").body()).get("rollout_percent").asInt())
                .isEqualTo(CONFIGURED_PERCENT);

        assertTenantsBelowThePercentGoToTheRolloutCluster(CONFIGURED_PERCENT);
    }

    @ParameterizedTest(name = "rollout_percent {0}")
    @ValueSource(ints = {70, 30, 100, 0})
    @Order(2)
    void afterAChangeOfThePercentExactlyTheTenantsBelowItGoToTheRolloutCluster(int percent) throws Exception {
        HttpResponse<String> changed = publisher.put("/admin/settings", "{\"rollout_percent\":" + percent + "}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("rollout_percent").asInt()).isEqualTo(percent);
        assertTenantsBelowThePercentGoToTheRolloutCluster(percent);
    }

    @Test
    @Order(3)
    void aPercentOutsideZeroToHundredIsRefusedWith400AndChangesNothing() throws Exception {
        int before = JSON.readTree(publisher.get("/admin/settings").body()).get("rollout_percent").asInt();

        HttpResponse<String> refused = publisher.put("/admin/settings", "{\"rollout_percent\":101}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("rollout_percent");
        assertThat(JSON.readTree(publisher.get("/admin/settings").body()).get("rollout_percent").asInt())
                .isEqualTo(before);
    }

    /** Publishes one event per tenant; each must be on the cluster its bucket says, and nowhere else counted. */
    private static void assertTenantsBelowThePercentGoToTheRolloutCluster(int percent) {
        double routedBefore = publisher.counter("eg.publish.rollout");
        List<String> toRollout = TENANTS.stream().filter(tenant -> bucketOf(tenant) < percent).toList();

        List<Receipt> receipts = publisher.publishOverHttp(TENANTS.stream()
                .map(tenant -> TestEvents.json(tenant, "P30")).toList());

        for (int i = 0; i < TENANTS.size(); i++) {
            KafkaRecords expectedCluster = toRollout.contains(TENANTS.get(i)) ? rollout : primary;
            assertThat(expectedCluster.find(receipts.get(i)).record().companyId()).isEqualTo(TENANTS.get(i));
        }
        assertThat(publisher.counter("eg.publish.rollout") - routedBefore).isEqualTo(toRollout.size());
    }

    /** The tenant's rollout bucket as the contract defines it: crc32 of the UTF-8 company id, mod 100. */
    private static long bucketOf(String tenant) {
        CRC32 crc = new CRC32();
        crc.update(tenant.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100;
    }
}
