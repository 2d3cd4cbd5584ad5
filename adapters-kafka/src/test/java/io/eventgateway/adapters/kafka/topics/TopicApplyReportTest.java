package io.eventgateway.adapters.kafka.topics;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicApplyReportTest {

    private static final TopicApplyResult CREATED =
            new TopicApplyResult("eg.p30", new TopicOutcome.Created(), List.of(), List.of());
    private static final TopicApplyResult UPDATED = new TopicApplyResult("eg.retry.1", new TopicOutcome.Updated(),
            List.of(new ConfigChange("retention.ms", "1000", "605000000")), List.of());
    private static final TopicApplyResult DRIFT = new TopicApplyResult("eg.p10",
            new TopicOutcome.Drift("has 4 partitions, fewer than the 8 planned"),
            List.of(new ConfigChange("min.insync.replicas", "1", "2")), List.of());
    private static final TopicApplyResult UNCHANGED = new TopicApplyResult("eg.dlq", new TopicOutcome.Unchanged(),
            List.of(), List.of("has 6 partitions, more than the 4 planned: fine"));

    @Test
    void aReportWithADriftHasUnfixableDrift() {
        assertThat(new TopicApplyReport(Cluster.PRIMARY, false, List.of(CREATED, DRIFT)).hasUnfixableDrift()).isTrue();
    }

    @Test
    void aReportOfOnlyFixableOutcomesHasNoUnfixableDrift() {
        assertThat(new TopicApplyReport(Cluster.PRIMARY, false, List.of(CREATED, UPDATED, UNCHANGED))
                .hasUnfixableDrift()).isFalse();
    }

    @Test
    void renderShowsASummaryAndOneAlignedRowPerTopicWithEveryDetailOnItsOwnLine() {
        TopicApplyReport report = new TopicApplyReport(Cluster.PRIMARY, false,
                List.of(CREATED, UPDATED, DRIFT, UNCHANGED));

        assertThat(report.render()).isEqualTo("""
                topics apply on the PRIMARY cluster: 1 CREATED, 1 UPDATED, 1 DRIFT, 1 UNCHANGED -- DRIFT needs an operator
                TOPIC       OUTCOME    DETAILS
                eg.p30      CREATED
                eg.retry.1  UPDATED    retention.ms: 1000 -> 605000000
                eg.p10      DRIFT      has 4 partitions, fewer than the 8 planned
                                       min.insync.replicas: 1 -> 2
                eg.dlq      UNCHANGED  has 6 partitions, more than the 4 planned: fine
                """);
    }

    @Test
    void renderSaysWhenItWasADryRun() {
        TopicApplyReport report = new TopicApplyReport(Cluster.ALTERNATE, true, List.of(
                new TopicApplyResult("eg.failed-writes", new TopicOutcome.WouldCreate(), List.of(), List.of())));

        assertThat(report.render()).startsWith(
                "topics apply on the ALTERNATE cluster (dry run, nothing changed): 1 WOULD_CREATE\n");
    }

    @Test
    void theResultOfATopicIsFoundByName() {
        TopicApplyReport report = new TopicApplyReport(Cluster.PRIMARY, false, List.of(CREATED, UPDATED));

        assertThat(report.result("eg.retry.1")).isEqualTo(UPDATED);
    }
}
