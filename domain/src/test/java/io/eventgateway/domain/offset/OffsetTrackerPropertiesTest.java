package io.eventgateway.domain.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class OffsetTrackerPropertiesTest {

    /** Polls offsets with random gaps, completes them in random order, interleaved with further polls. */
    @Property(tries = 200)
    void theCommittablePositionNeverPassesANotDoneOffsetAndNeverMovesBack(
            @ForAll @IntRange(min = 1, max = 400) int count,
            @ForAll @LongRange(min = 0, max = 1_000_000) long start,
            @ForAll long seed) {
        Random random = new Random(seed);
        OffsetTracker tracker = new OffsetTracker(start);
        TreeSet<Long> notDone = new TreeSet<>();
        List<Long> inFlight = new ArrayList<>();
        long next = start;
        long previousCommittable = tracker.committableOffset();
        int polled = 0;

        while (polled < count || !inFlight.isEmpty()) {
            if (polled < count && (inFlight.isEmpty() || random.nextBoolean())) {
                next += random.nextInt(10) < 8 ? 0 : random.nextInt(200);
                tracker.onPolled(next);
                notDone.add(next);
                inFlight.add(next);
                next++;
                polled++;
            } else {
                long offset = inFlight.remove(random.nextInt(inFlight.size()));
                assertThat(tracker.markDone(offset)).isTrue();
                notDone.remove(offset);
            }
            long committable = tracker.committableOffset();
            assertThat(committable).isGreaterThanOrEqualTo(previousCommittable);
            if (!notDone.isEmpty()) {
                assertThat(committable).isEqualTo(notDone.first());
            }
            previousCommittable = committable;
        }
        assertThat(tracker.committableOffset()).isEqualTo(tracker.highestPolled() + 1);
    }

    @Property(tries = 100)
    void aRestartFromACommitSkipsExactlyTheOffsetsCompletedAboveIt(
            @ForAll @IntRange(min = 1, max = 300) int count,
            @ForAll long seed) {
        Random random = new Random(seed);
        OffsetTracker before = new OffsetTracker(0);
        List<Long> offsets = new ArrayList<>();
        for (long offset = 0; offset < count; offset++) {
            before.onPolled(offset);
            offsets.add(offset);
        }
        Collections.shuffle(offsets, random);
        TreeSet<Long> done = new TreeSet<>(offsets.subList(0, random.nextInt(count + 1)));
        done.forEach(before::markDone);

        OffsetCommit commit = before.commit(OffsetMetadataCodec.DEFAULT_MAX_BYTES);
        OffsetTracker after = OffsetTracker.restore(commit.offset(), commit.metadata());

        for (long offset = commit.offset(); offset < count; offset++) {
            PolledOffset expected = done.contains(offset) ? PolledOffset.ALREADY_DONE : PolledOffset.TRACKED;
            assertThat(after.onPolled(offset)).as("offset %d", offset).isEqualTo(expected);
        }
    }
}
