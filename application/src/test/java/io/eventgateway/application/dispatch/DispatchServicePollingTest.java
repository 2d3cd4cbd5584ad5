package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.T0;
import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.offset.OffsetRange;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.task.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchServicePollingTest {

    private final DispatchHarness h = new DispatchHarness();

    @Test
    void givenCommitMetadataNamingCompletedOffsets_whenTheyArePolledAgain_thenTheyAreSkipped() {
        String metadata = OffsetMetadataCodec.encode(10, List.of(new OffsetRange(11, 12)), 4096).metadata();
        h.assign(Lane.P20, 0, new CommittedPosition(10, metadata));

        h.poll(Lane.P20, h.record(Lane.P20, 0, event("e10", Priority.P20, at(60_000))),
                h.record(Lane.P20, 0, event("e11", Priority.P20, at(60_000))),
                h.record(Lane.P20, 0, event("e12", Priority.P20, at(60_000))),
                h.record(Lane.P20, 0, event("e13", Priority.P20, at(60_000))));

        assertThat(h.eventIds(h.fetch(10))).containsExactly("e10", "e13");
    }

    @Test
    void givenNothingCommitted_whenRecordsArrive_thenTheCommitStartsAtTheFirstOffsetPolled() {
        h.assign(Lane.P20, 0);
        byte[] value = h.codec.encode(event("e42", Priority.P20, at(60_000)), Lane.P20);
        h.poll(Lane.P20, new PolledRecord(new SourcePosition("eg.p20", 0, 42), value, T0));

        assertThat(h.committable(Lane.P20, 0)).isEqualTo(42);
    }

    @Test
    void givenNothingPolledOnAPartitionWithoutCommit_whenAskedForCommits_thenItHasNone() {
        h.assign(Lane.P20, 0);

        assertThat(h.service.commitPositions()).isEmpty();
    }

    @Test
    void aRecordThatDoesNotDecodeIsDeadLetteredWithItsBytesAsPayload() {
        h.assign(Lane.P20, 0);
        byte[] garbage = "not a record".getBytes(StandardCharsets.UTF_8);

        h.poll(Lane.P20, h.raw(Lane.P20, 0, garbage));

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(write.reason()).isEqualTo("corrupt record");
        assertThat(write.record().payload().toByteArray()).isEqualTo(garbage);
        assertThat(write.source()).isEqualTo(new SourcePosition("eg.p20", 0, 0));
        assertThat(h.service.status().counters().corrupt()).isEqualTo(1);
    }

    @Test
    void aCorruptRecordsOffsetIsDoneOnlyAfterItsDeadLetterWriteIsAcked() {
        h.handoffs.holdWrites();
        h.assign(Lane.P20, 0);
        h.poll(Lane.P20, h.raw(Lane.P20, 0, new byte[] {1, 2, 3}));
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(0);

        h.handoffs.last().result().complete(null);

        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aFailedDeadLetterWriteIsWrittenAgainAfterTheRetryDelay() {
        h.handoffs.holdWrites();
        h.assign(Lane.P20, 0);
        h.poll(Lane.P20, h.raw(Lane.P20, 0, new byte[] {1, 2, 3}));
        h.handoffs.last().result().completeExceptionally(new IllegalStateException("broker down"));
        h.service.tick();
        assertThat(h.handoffs.writes()).hasSize(1);

        h.advance(Duration.ofSeconds(2));
        h.service.tick();

        assertThat(h.handoffs.writes()).hasSize(2);
        h.handoffs.last().result().complete(null);
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
        assertThat(h.service.status().counters().handoffFailures()).isEqualTo(1);
        assertThat(h.service.status().counters().deadLettered()).isEqualTo(1);
    }

    @Test
    void aRecordIsNotServedBeforeItsDelayUntil() {
        h.assign(Lane.P20, 0);
        h.put(event("later", Priority.P20, at(60_000)).withDelayUntil(at(900)));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofMillis(899));
        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofMillis(1));
        assertThat(h.eventIds(h.fetch(10))).containsExactly("later");
    }

    @Test
    void aDelayTooLongForMemoryTravelsThroughTheLargestRetryLevelNotPastIt() {
        h.assign(Lane.P20, 0);
        h.put(event("much-later", Priority.P20, at(60_000)).withDelayUntil(at(20_000)));

        RecordingHandoffWriter.Write write = h.handoffs.last();
        assertThat(write.target()).isEqualTo(new HandoffTarget.RetryLevel(3));
        assertThat(write.record().delayUntil()).isEqualTo(at(20_000));
        assertThat(write.record().attempt()).isZero();
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aRetryRecordWaitsForItsLevelThenMovesToTheLevelForWhatIsLeft() {
        assignRetry(2);
        // Written to level 2 (4 s) at T0, due at T0 + 6 s: back at T0 + 4 s with 2 s left, which level 1 (1 s) takes.
        PolledRecord back = retryRecord(2, event("r", Priority.P20, at(60_000)).withAttempt(1).withDelayUntil(at(6_000)));
        PartitionControl control = h.poll(Lane.RETRY, back);

        assertThat(control.pause()).containsExactly(retryPartition(2));
        h.advance(Duration.ofMillis(3_999));
        assertThat(h.service.status().pausedPartitions()).containsKey(retryPartition(2));
        assertThat(h.handoffs.writes()).isEmpty();
        h.advance(Duration.ofMillis(1));
        h.service.tick();

        assertThat(h.handoffs.last().target()).isEqualTo(new HandoffTarget.RetryLevel(1));
        assertThat(h.service.status().pausedPartitions()).doesNotContainKey(retryPartition(2));
    }

    @Test
    void aRetryRecordDueWithinTheInMemoryDelayIsServedAtItsDelayUntil() {
        assignRetry(1);
        h.poll(Lane.RETRY, retryRecord(1, event("r", Priority.P20, at(60_000)).withAttempt(1)
                .withDelayUntil(at(1_500))));
        h.advance(Duration.ofSeconds(1));
        h.service.tick();
        assertThat(h.fetch(10).isEmpty()).isTrue();

        h.advance(Duration.ofMillis(500));

        assertThat(h.eventIds(h.fetch(10))).containsExactly("r");
        assertThat(h.handoffs.writes()).isEmpty();
    }

    @Test
    void aCopyOfAnEventSeenWithinTheDedupWindowIsDroppedAndItsOffsetDone() {
        TestSettings settings = new TestSettings();
        settings.dedupWindow = Duration.ofMinutes(1);
        DispatchHarness dedup = new DispatchHarness(settings);
        dedup.assign(Lane.P20, 0);
        dedup.put(event("once", Priority.P20, at(60_000)));
        dedup.put(event("once", Priority.P20, at(60_000)));

        LeaseGrant grant = dedup.fetch(10);
        assertThat(dedup.eventIds(grant)).containsExactly("once");
        dedup.ack(grant.tasks().get(0));
        assertThat(dedup.service.status().counters().copiesDropped()).isEqualTo(1);
        assertThat(dedup.committable(Lane.P20, 0)).isEqualTo(2);
    }

    @Test
    void anEventOffloadedAgainIsNoCopy() {
        TestSettings settings = new TestSettings();
        settings.dedupWindow = Duration.ofMinutes(1);
        DispatchHarness dedup = new DispatchHarness(settings);
        dedup.assign(Lane.OFFLOAD, 0);
        EventRecord shed = event("shed", Priority.P10, at(60_000)).withOffloads(1);
        dedup.poll(Lane.OFFLOAD, dedup.record(Lane.OFFLOAD, 0, shed), dedup.record(Lane.OFFLOAD, 0, shed.withOffloads(2)));

        assertThat(dedup.fetch(10).tasks()).hasSize(2);
    }

    private void assignRetry(int level) {
        Map<SourcePartition, CommittedPosition> committed = new HashMap<>();
        committed.put(retryPartition(level), null);
        h.service.onAssigned(Lane.RETRY, committed);
    }

    private PolledRecord retryRecord(int level, EventRecord event) {
        return new PolledRecord(new SourcePosition(DispatchHarness.retryTopic(level), 0, 0),
                h.codec.encode(event, Lane.RETRY), h.now());
    }

    private static SourcePartition retryPartition(int level) {
        return new SourcePartition(DispatchHarness.retryTopic(level), 0);
    }

    @Test
    void aRecordFromOffloadIsOrderedByNowPlusItsSloButAccountedAgainstItsOriginalDeadline() {
        h.assign(Lane.OFFLOAD, 0);
        h.assign(Lane.P30, 0);
        // Shed work promised for T0+1s orders by T0+5s (now + SLO of P30), behind fresh work due at T0+3s.
        h.poll(Lane.OFFLOAD, h.record(Lane.OFFLOAD, 0, event("shed", Priority.P30, at(1_000))));
        h.put(event("fresh", Priority.P30, at(3_000)));
        h.advance(Duration.ofSeconds(2));

        assertThat(h.eventIds(h.fetch(2))).containsExactly("fresh", "shed");
        assertThat(h.service.status().counters().sloMet()).containsEntry(Priority.P30, 1L);
        assertThat(h.service.status().counters().sloMissed()).containsEntry(Priority.P30, 1L);
    }

    @Test
    void recordsPolledAgainAfterASeekAreNotQueuedTwice() {
        h.assign(Lane.P20, 0);
        PolledRecord first = h.record(Lane.P20, 0, event("e0", Priority.P20, at(60_000)));
        h.poll(Lane.P20, first);

        h.poll(Lane.P20, first);

        assertThat(h.fetch(10).tasks()).hasSize(1);
        assertThat(h.fetch(10).isEmpty()).isTrue();
    }

    @Test
    void aPollWithARecordFromAnUnassignedPartitionIsRejectedWhole() {
        h.assign(Lane.P20, 0);
        PolledRecord assigned = h.record(Lane.P20, 0, event("e0", Priority.P20, at(60_000)));
        PolledRecord foreign = h.record(Lane.P20, 3, event("e1", Priority.P20, at(60_000)));

        assertThatThrownBy(() -> h.poll(Lane.P20, assigned, foreign))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eg.p20-3");
        assertThat(h.fetch(10).isEmpty()).isTrue();
    }

    @Test
    void assigningAPartitionAnotherReplicaOwnsFailsFast() {
        TestSettings settings = new TestSettings();
        settings.replica = new ReplicaIdentity(0, 2);
        DispatchHarness second = new DispatchHarness(settings);
        Map<SourcePartition, CommittedPosition> committed = new HashMap<>();
        committed.put(partition(Lane.P20, 1), null);

        assertThatThrownBy(() -> second.service.onAssigned(Lane.P20, committed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not owned by replica 0 of 2");
    }
}
