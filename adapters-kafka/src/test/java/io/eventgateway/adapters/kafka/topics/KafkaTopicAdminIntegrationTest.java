package io.eventgateway.adapters.kafka.topics;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** {@code topics apply} against the shared embedded broker; every test plans topics under its own prefix. */
class KafkaTopicAdminIntegrationTest {

    /** Generous: the broker shares two cores with other test JVMs. A healthy call answers in milliseconds. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKLOG_AGE = Duration.ofDays(7);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(21);
    private static final Duration RETENTION = MAX_BACKLOG_AGE.plus(LONGEST_DELAY);
    private static final long WAIT_SECONDS = 30;

    /** Few partitions, so that each test creates its topics quickly; single node: one replica, one in sync. */
    private static final TopicSettings SETTINGS = new TopicSettings(
            new PartitionCounts(2, 2, 2, 2, 1, 1, 2, 1, 1, 1), 2, 1, 1, 1, MAX_BACKLOG_AGE, LONGEST_DELAY,
            RETENTION);

    private TopicNames names;
    private TopicPlan plan;
    private KafkaTopicAdmin primary;
    private Admin inspector;

    @BeforeEach
    void connect() {
        String bootstrapServers = SharedKafkaBroker.bootstrapServers();
        names = new TopicNames(TestTopics.unique("apply") + ".");
        plan = TopicPlan.of(names, SETTINGS);
        primary = KafkaTopicAdmin.connect(Cluster.PRIMARY,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), CALL_TIMEOUT);
        inspector = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @AfterEach
    void close() {
        primary.close();
        inspector.close();
    }

    @Test
    void applyCreatesEveryPlannedTopicWithItsPartitionsAndConfigs() throws Exception {
        List<TopicSpec> specs = plan.forCluster(Cluster.PRIMARY);

        TopicApplyReport report = primary.apply(specs, false);

        assertThat(report.results()).extracting(TopicApplyResult::outcome).containsOnly(new TopicOutcome.Created());
        Map<String, TopicDescription> created = describe(specs);
        for (TopicSpec spec : specs) {
            assertThat(created.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
            Config config = configOf(spec.name());
            spec.configs().forEach((key, value) ->
                    assertThat(config.get(key).value()).as(spec.name() + " " + key).isEqualTo(value));
        }
    }

    @Test
    void aSecondApplyReportsEveryTopicUnchanged() {
        List<TopicSpec> specs = plan.forCluster(Cluster.PRIMARY);
        primary.apply(specs, false);

        TopicApplyReport again = primary.apply(specs, false);

        assertThat(again.results()).allSatisfy(result -> {
            assertThat(result.outcome()).as(result.topic()).isEqualTo(new TopicOutcome.Unchanged());
            assertThat(result.configChanges()).as(result.topic()).isEmpty();
        });
    }

    @Test
    void givenATopicWithTooFewPartitions_whenApplied_thenItIsAnUnfixableDriftAndKeepsItsPartitions()
            throws Exception {
        String p30 = names.lane(Lane.P30);
        createTopic(new NewTopic(p30, 1, (short) 1));

        TopicApplyReport report = primary.apply(plan.forCluster(Cluster.PRIMARY), false);

        assertThat(report.result(p30).outcome()).isInstanceOfSatisfying(TopicOutcome.Drift.class,
                drift -> assertThat(drift.message()).contains("has 1 partitions, fewer than the 2 planned"));
        assertThat(report.hasUnfixableDrift()).isTrue();
        assertThat(describe(List.of(spec(p30))).get(p30).partitions()).hasSize(1);
    }

    @Test
    void givenATopicWithMorePartitionsThanPlanned_whenApplied_thenItIsUnchangedWithANote() throws Exception {
        String dlq = names.dlq();
        createTopic(new NewTopic(dlq, 3, (short) 1).configs(spec(dlq).configs()));

        TopicApplyReport report = primary.apply(plan.forCluster(Cluster.PRIMARY), false);

        assertThat(report.result(dlq).outcome()).isEqualTo(new TopicOutcome.Unchanged());
        assertThat(report.result(dlq).notes()).singleElement().asString().contains("3 partitions, more than the 1");
        assertThat(report.hasUnfixableDrift()).isFalse();
    }

    @Test
    void givenAWrongRetention_whenApplied_thenItIsSetToThePlannedRetention() throws Exception {
        String p20 = names.lane(Lane.P20);
        createTopic(new NewTopic(p20, 2, (short) 1).configs(Map.of("retention.ms", "3600000")));

        TopicApplyReport report = primary.apply(plan.forCluster(Cluster.PRIMARY), false);

        assertThat(report.result(p20).outcome()).isEqualTo(new TopicOutcome.Updated());
        assertThat(report.result(p20).configChanges()).contains(
                new ConfigChange("retention.ms", "3600000", String.valueOf(RETENTION.toMillis())));
        assertThat(configOf(p20).get("retention.ms").value()).isEqualTo(String.valueOf(RETENTION.toMillis()));
    }

    @Test
    void aDryRunCreatesNothingAndReportsWhatItWouldCreate() throws Exception {
        TopicApplyReport report = primary.apply(plan.forCluster(Cluster.PRIMARY), true);

        assertThat(report.results()).extracting(TopicApplyResult::outcome)
                .containsOnly(new TopicOutcome.WouldCreate());
        assertThat(topicsWithThisTestsPrefix()).isEmpty();
    }

    @Test
    void aDryRunLeavesAWrongRetentionAndReportsWouldUpdate() throws Exception {
        String offload = names.lane(Lane.OFFLOAD);
        createTopic(new NewTopic(offload, 2, (short) 1).configs(Map.of("retention.ms", "3600000")));

        TopicApplyReport report = primary.apply(plan.forCluster(Cluster.PRIMARY), true);

        assertThat(report.result(offload).outcome()).isEqualTo(new TopicOutcome.WouldUpdate());
        assertThat(configOf(offload).get("retention.ms").value()).isEqualTo("3600000");
    }

    @Test
    void aRetentionBelowBacklogAgePlusLongestDelayIsRefusedBeforeAnyTopicIsCreated() throws Exception {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(SETTINGS.partitions(), 2, 1, 1, 1,
                        MAX_BACKLOG_AGE, LONGEST_DELAY, MAX_BACKLOG_AGE))
                .withMessageContaining("is refused");
        assertThat(topicsWithThisTestsPrefix()).isEmpty();
    }

    @Test
    void theAlternateClusterAdminCreatesFailedWrites() throws Exception {
        try (KafkaTopicAdmin alternate = KafkaTopicAdmin.connect(Cluster.ALTERNATE,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
                CALL_TIMEOUT)) {

            TopicApplyReport report = alternate.apply(plan.forCluster(Cluster.ALTERNATE), false);

            assertThat(report.result(names.failedWrites()).outcome()).isEqualTo(new TopicOutcome.Created());
            assertThat(topicsWithThisTestsPrefix()).containsExactly(names.failedWrites());
        }
    }

    @Test
    void aTopicPlannedOnTheOtherClusterIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> primary.apply(plan.topics(), false))
                .withMessageContaining("planned on the ALTERNATE cluster");
    }

    private TopicSpec spec(String topic) {
        return plan.topics().stream().filter(spec -> spec.name().equals(topic)).findFirst().orElseThrow();
    }

    /** Creates a topic behind apply's back and waits until the broker shows it, as an older topic would be. */
    private void createTopic(NewTopic topic) throws Exception {
        inspector.createTopics(List.of(topic)).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).ignoreExceptions().until(() ->
                inspector.describeTopics(List.of(topic.name())).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS)
                        .containsKey(topic.name()));
    }

    private Map<String, TopicDescription> describe(List<TopicSpec> specs) throws Exception {
        return inspector.describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private Config configOf(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return inspector.describeConfigs(List.of(resource)).all().get(WAIT_SECONDS, TimeUnit.SECONDS).get(resource);
    }

    private List<String> topicsWithThisTestsPrefix() throws Exception {
        return inspector.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(topic -> topic.startsWith(names.prefix())).toList();
    }
}
