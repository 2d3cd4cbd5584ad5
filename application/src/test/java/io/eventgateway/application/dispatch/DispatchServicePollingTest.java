package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.T0;
import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.partition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        RecordingDeadLetterWriter.Write write = h.deadLetters.last();
        assertThat(write.reason()).isEqualTo("corrupt record");
        assertThat(write.record().payload().toByteArray()).isEqualTo(garbage);
        assertThat(write.source()).isEqualTo(new SourcePosition("eg.p20", 0, 0));
        assertThat(h.service.status().counters().corrupt()).isEqualTo(1);
    }

    @Test
    void aCorruptRecordsOffsetIsDoneOnlyAfterItsDeadLetterWriteIsAcked() {
        h.deadLetters.holdWrites();
        h.assign(Lane.P20, 0);
        h.poll(Lane.P20, h.raw(Lane.P20, 0, new byte[] {1, 2, 3}));
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(0);

        h.deadLetters.last().result().complete(null);

        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void aFailedDeadLetterWriteIsWrittenAgainAfterTheRetryDelay() {
        h.deadLetters.holdWrites();
        h.assign(Lane.P20, 0);
        h.poll(Lane.P20, h.raw(Lane.P20, 0, new byte[] {1, 2, 3}));
        h.deadLetters.last().result().completeExceptionally(new IllegalStateException("broker down"));
        h.service.tick();
        assertThat(h.deadLetters.writes()).hasSize(1);

        h.advance(Duration.ofSeconds(2));
        h.service.tick();

        assertThat(h.deadLetters.writes()).hasSize(2);
        h.deadLetters.last().result().complete(null);
        assertThat(h.committable(Lane.P20, 0)).isEqualTo(1);
        assertThat(h.service.status().counters().handoffFailures()).isEqualTo(1);
        assertThat(h.service.status().counters().deadLettered()).isEqualTo(1);
    }

    @Test
    void aRecordIsNotServedBeforeItsDelayUntil() {
        h.assign(Lane.P20, 0);
        h.put(event("later", Priority.P20, at(60_000)).withDelayUntil(at(5_000)));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofMillis(4_999));
        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofMillis(1));
        assertThat(h.eventIds(h.fetch(10))).containsExactly("later");
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
