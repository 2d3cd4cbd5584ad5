package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.offset.OffsetRange;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchServiceCommitTest {

    private final DispatchHarness h = new DispatchHarness();

    private List<GrantedTask> leased(int partitionNumber, int records) {
        for (int i = 0; i < records; i++) {
            h.poll(Lane.P20, h.record(Lane.P20, partitionNumber, event("e" + partitionNumber + "-" + i, Priority.P20,
                    at(60_000))));
        }
        return h.fetch(records).tasks();
    }

    @Test
    void onlyPartitionsWhosePositionChangedAreCommitted() {
        h.assign(Lane.P20, 0, 1);
        h.ack(leased(0, 2).toArray(GrantedTask[]::new));
        h.ack(leased(1, 1).toArray(GrantedTask[]::new));
        h.service.onCommitted(h.service.commitPositions());

        h.ack(leased(0, 1).toArray(GrantedTask[]::new));

        assertThat(h.service.commitPositions()).containsOnlyKeys(partition(Lane.P20, 0));
    }

    @Test
    void aPositionCommittedSuccessfullyIsNotCommittedAgainWhileUnchanged() {
        h.assign(Lane.P20, 0);
        h.ack(leased(0, 2).toArray(GrantedTask[]::new));

        h.service.onCommitted(h.service.commitPositions());

        assertThat(h.service.commitPositions()).isEmpty();
    }

    @Test
    void aPositionWhoseCommitWasNotConfirmedIsOfferedAgain() {
        h.assign(Lane.P20, 0);
        h.ack(leased(0, 2).toArray(GrantedTask[]::new));
        h.service.commitPositions();

        assertThat(h.service.commitPositions()).containsEntry(partition(Lane.P20, 0), new OffsetCommit(2, "", 0));
    }

    @Test
    void anUnchangedPositionIsCommittedAgainAfterTheIdleInterval() {
        h.assign(Lane.P20, 0);
        h.ack(leased(0, 2).toArray(GrantedTask[]::new));
        h.service.onCommitted(h.service.commitPositions());

        h.advance(Duration.ofMinutes(10));

        assertThat(h.service.commitPositions()).containsEntry(partition(Lane.P20, 0), new OffsetCommit(2, "", 0));
    }

    @Test
    void aRestoredPositionIsNotCommittedAgainUntilItChanges() {
        h.assign(Lane.P20, 0, new CommittedPosition(5, ""));

        assertThat(h.service.commitPositions()).isEmpty();
    }

    @Test
    void theCommitNamesCompletedOffsetsAboveThePositionInItsMetadata() {
        h.assign(Lane.P20, 0);
        List<GrantedTask> tasks = leased(0, 3);

        h.ack(tasks.get(1), tasks.get(2));

        OffsetCommit commit = h.service.commitPositions().get(partition(Lane.P20, 0));
        assertThat(commit.offset()).isZero();
        assertThat(OffsetMetadataCodec.decode(0, commit.metadata())).containsExactly(new OffsetRange(1, 2));
    }

    @Test
    void metadataThatDoesNotFitIsTruncatedAndCounted() {
        TestSettings settings = new TestSettings();
        settings.maxCommitMetadataBytes = 8;
        DispatchHarness small = new DispatchHarness(settings);
        small.assign(Lane.P20, 0);
        for (int i = 0; i < 40; i++) {
            small.poll(Lane.P20, small.record(Lane.P20, 0, event("e" + i, Priority.P20, at(60_000))));
        }
        List<GrantedTask> tasks = small.fetch(40).tasks();
        small.ack(tasks.stream().filter(task -> task.taskId().offset() % 2 == 1).toArray(GrantedTask[]::new));

        Map<SourcePartition, OffsetCommit> commits = small.service.commitPositions();

        assertThat(commits.get(partition(Lane.P20, 0)).truncated()).isTrue();
        assertThat(commits.get(partition(Lane.P20, 0)).metadata().length()).isLessThanOrEqualTo(8);
        assertThat(small.service.status().counters().truncatedCommits()).isEqualTo(1);
    }

    @Test
    void corruptCommitMetadataIsIgnoredAndCountedSoItsOffsetsAreServedAgain() {
        h.assign(Lane.P20, 0, new CommittedPosition(0, "eg1r:!!!"));

        h.poll(Lane.P20, h.record(Lane.P20, 0, event("e0", Priority.P20, at(60_000))),
                h.record(Lane.P20, 0, event("e1", Priority.P20, at(60_000))));

        assertThat(h.eventIds(h.fetch(10))).containsExactly("e0", "e1");
        assertThat(h.service.status().counters().corruptCommitMetadata()).isEqualTo(1);
    }
}
