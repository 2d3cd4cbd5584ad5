package io.eventgateway.adapters.kafka.topics;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDriftTest {

    private static final Map<String, String> PLANNED_CONFIGS = Map.of(
            "cleanup.policy", "delete", "retention.ms", "605000000", "min.insync.replicas", "2");
    private static final TopicSpec SPEC = new TopicSpec("eg.p30", 8, 3, PLANNED_CONFIGS, Cluster.PRIMARY);

    @Test
    void aTopicAsPlannedIsUnchanged() {
        TopicDrift drift = TopicDrift.between(SPEC, observed(8, 3, PLANNED_CONFIGS));

        assertThat(drift.outcome(false)).isEqualTo(new TopicOutcome.Unchanged());
    }

    @Test
    void configsWeDoNotOwnAreIgnored() {
        Map<String, String> configs = new HashMap<>(PLANNED_CONFIGS);
        configs.put("segment.bytes", "1024");

        assertThat(TopicDrift.between(SPEC, observed(8, 3, configs)).configChanges()).isEmpty();
    }

    @Test
    void aDifferentRetentionIsAConfigChangeFromTheCurrentToThePlannedValue() {
        TopicDrift drift = TopicDrift.between(SPEC, observed(8, 3, with("retention.ms", "86400000")));

        assertThat(drift.configChanges()).containsExactly(new ConfigChange("retention.ms", "86400000", "605000000"));
        assertThat(drift.outcome(false)).isEqualTo(new TopicOutcome.Updated());
    }

    @Test
    void aConfigChangeInADryRunIsAWouldUpdate() {
        TopicDrift drift = TopicDrift.between(SPEC, observed(8, 3, with("cleanup.policy", "compact")));

        assertThat(drift.outcome(true)).isEqualTo(new TopicOutcome.WouldUpdate());
    }

    @Test
    void aConfigTheClusterDoesNotReportIsAChangeFromNone() {
        Map<String, String> configs = new HashMap<>(PLANNED_CONFIGS);
        configs.remove("min.insync.replicas");

        assertThat(TopicDrift.between(SPEC, observed(8, 3, configs)).configChanges())
                .containsExactly(new ConfigChange("min.insync.replicas", null, "2"));
    }

    @Test
    void fewerPartitionsThanPlannedAreADriftThatExplainsWhyItIsNotFixed() {
        TopicOutcome outcome = TopicDrift.between(SPEC, observed(4, 3, PLANNED_CONFIGS)).outcome(false);

        assertThat(outcome).isInstanceOfSatisfying(TopicOutcome.Drift.class, drift -> assertThat(drift.message())
                .contains("has 4 partitions, fewer than the 8 planned")
                .contains("per-key order")
                .contains("dedup window"));
    }

    @Test
    void fewerPartitionsStayADriftEvenWhenConfigsAreFixedToo() {
        TopicDrift drift = TopicDrift.between(SPEC, observed(4, 3, with("retention.ms", "1000")));

        assertThat(drift.outcome(false)).isInstanceOf(TopicOutcome.Drift.class);
        assertThat(drift.configChanges()).extracting(ConfigChange::key).containsExactly("retention.ms");
    }

    @Test
    void aLowerReplicationFactorIsADrift() {
        TopicOutcome outcome = TopicDrift.between(SPEC, observed(8, 1, PLANNED_CONFIGS)).outcome(false);

        assertThat(outcome).isInstanceOfSatisfying(TopicOutcome.Drift.class, drift -> assertThat(drift.message())
                .contains("replication factor 1, lower than the 3 planned"));
    }

    @Test
    void morePartitionsThanPlannedAreFineAndNoted() {
        TopicDrift drift = TopicDrift.between(SPEC, observed(12, 3, PLANNED_CONFIGS));

        assertThat(drift.outcome(false)).isEqualTo(new TopicOutcome.Unchanged());
        assertThat(drift.notes()).singleElement().asString().contains("12 partitions, more than the 8 planned");
    }

    private static ObservedTopic observed(int partitions, int replicationFactor, Map<String, String> configs) {
        return new ObservedTopic("eg.p30", partitions, replicationFactor, configs);
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> configs = new HashMap<>(PLANNED_CONFIGS);
        configs.put(key, value);
        return configs;
    }
}
