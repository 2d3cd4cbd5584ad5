package io.eventgateway.domain.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private final OffsetTracker tracker = new OffsetTracker(100);

    private void poll(long... offsets) {
        for (long offset : offsets) {
            tracker.onPolled(offset);
        }
    }

    @Test
    void beforeAnyPollTheCommittablePositionIsTheStart() {
        assertThat(tracker.committableOffset()).isEqualTo(100);
        assertThat(tracker.uncommittedSpan()).isZero();
    }

    @Test
    void theCommittablePositionIsTheLowestOffsetNotDone() {
        poll(100, 101, 102);

        tracker.markDone(101);
        tracker.markDone(102);

        assertThat(tracker.committableOffset()).isEqualTo(100);
    }

    @Test
    void whenEverythingPolledIsDoneTheCommittablePositionIsPastTheHighest() {
        poll(100, 101);
        tracker.markDone(101);
        tracker.markDone(100);

        assertThat(tracker.committableOffset()).isEqualTo(102);
    }

    @Test
    void gapsInPolledOffsetsDoNotHoldBackTheCommittablePosition() {
        poll(100, 105, 109);
        tracker.markDone(100);

        assertThat(tracker.committableOffset()).isEqualTo(105);
    }

    @Test
    void markingAnOffsetDoneTwiceReportsTheSecondAsNoChange() {
        poll(100);

        assertThat(tracker.markDone(100)).isTrue();
        assertThat(tracker.markDone(100)).isFalse();
    }

    @Test
    void markingAnOffsetNeverPolledIsRefused() {
        poll(100);

        assertThatThrownBy(() -> tracker.markDone(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offsetsMustIncrease() {
        poll(100, 101);

        assertThatThrownBy(() -> tracker.onPolled(101)).hasMessageContaining("offsets must increase");
    }

    @Test
    void theUncommittedSpanRunsFromTheCommittablePositionToTheHighestPolled() {
        poll(100, 101, 102, 103);
        tracker.markDone(100);

        assertThat(tracker.uncommittedSpan()).isEqualTo(3);
    }

    @Test
    void aPartitionPausesOnceItsSpanExceedsTheLimit() {
        poll(100, 101, 102);
        assertThat(tracker.shouldPause(3)).isFalse();

        poll(103);

        assertThat(tracker.shouldPause(3)).isTrue();
    }

    @Test
    void completedOffsetsAboveTheCommittablePositionComeAsRanges() {
        poll(100, 101, 102, 103, 104, 105);
        tracker.markDone(101);
        tracker.markDone(102);
        tracker.markDone(104);

        assertThat(tracker.completedAboveCommittable())
                .containsExactly(new OffsetRange(101, 102), OffsetRange.single(104));
    }

    @Test
    void aCommitCarriesThePositionAndMetadataNamingTheCompletedOffsets() {
        poll(100, 101, 102);
        tracker.markDone(102);

        OffsetCommit commit = tracker.commit(OffsetMetadataCodec.DEFAULT_MAX_BYTES);

        assertThat(commit.offset()).isEqualTo(100);
        assertThat(OffsetMetadataCodec.decode(100, commit.metadata())).containsExactly(OffsetRange.single(102));
        assertThat(commit.truncated()).isFalse();
    }

    @Test
    void givenARestoredTracker_whenACompletedOffsetIsPolledAgain_thenItIsAlreadyDone() {
        OffsetTracker restored = OffsetTracker.restore(100, OffsetMetadataCodec.encode(100,
                List.of(new OffsetRange(101, 102)), OffsetMetadataCodec.DEFAULT_MAX_BYTES).metadata());

        assertThat(restored.onPolled(100)).isEqualTo(PolledOffset.TRACKED);
        assertThat(restored.onPolled(101)).isEqualTo(PolledOffset.ALREADY_DONE);
        assertThat(restored.onPolled(102)).isEqualTo(PolledOffset.ALREADY_DONE);
        assertThat(restored.onPolled(103)).isEqualTo(PolledOffset.TRACKED);
    }

    @Test
    void givenARestoredTracker_whenTheOffsetBeforeTheRestoredRangeIsDone_thenTheCommitSkipsTheRange() {
        OffsetTracker restored = OffsetTracker.restore(100, OffsetMetadataCodec.encode(100,
                List.of(new OffsetRange(101, 105)), OffsetMetadataCodec.DEFAULT_MAX_BYTES).metadata());
        restored.onPolled(100);

        restored.markDone(100);

        assertThat(restored.committableOffset()).isEqualTo(106);
        assertThat(restored.onPolled(101)).isEqualTo(PolledOffset.ALREADY_DONE);
        assertThat(restored.committableOffset()).isEqualTo(106);
    }

    @Test
    void aRestoredTrackerKeepsItsRestoredRangesInTheNextCommitUntilTheyArePolled() {
        String metadata = OffsetMetadataCodec.encode(100, List.of(new OffsetRange(110, 120)),
                OffsetMetadataCodec.DEFAULT_MAX_BYTES).metadata();
        OffsetTracker restored = OffsetTracker.restore(100, metadata);
        restored.onPolled(100);

        assertThat(restored.completedAboveCommittable()).containsExactly(new OffsetRange(110, 120));
    }

    @Test
    void foreignMetadataRestoresNothing() {
        OffsetTracker restored = OffsetTracker.restore(100, "written by another tool");

        assertThat(restored.onPolled(101)).isEqualTo(PolledOffset.TRACKED);
    }

    @Test
    void aLongRunOfDoneOffsetsLeavesNothingTracked() {
        for (long offset = 100; offset < 100_100; offset++) {
            tracker.onPolled(offset);
            tracker.markDone(offset);
        }

        assertThat(tracker.committableOffset()).isEqualTo(100_100);
        assertThat(tracker.uncommittedSpan()).isZero();
        assertThat(tracker.completedAboveCommittable()).isEmpty();
    }
}
