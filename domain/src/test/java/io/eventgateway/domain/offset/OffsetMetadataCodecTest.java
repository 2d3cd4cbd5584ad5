package io.eventgateway.domain.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class OffsetMetadataCodecTest {

    private static final int LIMIT = OffsetMetadataCodec.DEFAULT_MAX_BYTES;

    /** Sorted, disjoint, non-adjacent ranges above {@code committed}, the shape the tracker produces. */
    private static List<OffsetRange> randomRanges(Random random, long committed, int count, int maxGap, int maxLength) {
        List<OffsetRange> ranges = new ArrayList<>();
        long cursor = committed + 1;
        for (int i = 0; i < count; i++) {
            long first = cursor + 1 + random.nextInt(maxGap);
            long last = first + random.nextInt(maxLength);
            ranges.add(new OffsetRange(first, last));
            cursor = last + 1;
        }
        return ranges;
    }

    @Test
    void nothingCompletedEncodesAsTheEmptyString() {
        assertThat(OffsetMetadataCodec.encode(10, List.of(), LIMIT)).isEqualTo(new EncodedOffsets("", 0, 0));
    }

    @Test
    void emptyAndNullMetadataDecodeToNothing() {
        assertThat(OffsetMetadataCodec.decode(10, "")).isEmpty();
        assertThat(OffsetMetadataCodec.decode(10, null)).isEmpty();
    }

    @Test
    void longRunsUseTheRunForm() {
        List<OffsetRange> ranges = List.of(new OffsetRange(12, 100_000), new OffsetRange(200_000, 300_000));

        String metadata = OffsetMetadataCodec.encode(10, ranges, LIMIT).metadata();

        assertThat(metadata).startsWith(OffsetMetadataCodec.RUNS_TAG);
    }

    @Test
    void fragmentedCompletionsUseTheBitsetForm() {
        List<OffsetRange> ranges = new ArrayList<>();
        for (long offset = 12; offset < 2_000; offset += 2) {
            ranges.add(OffsetRange.single(offset));
        }

        String metadata = OffsetMetadataCodec.encode(10, ranges, LIMIT).metadata();

        assertThat(metadata).startsWith(OffsetMetadataCodec.BITS_TAG);
        assertThat(OffsetMetadataCodec.decode(10, metadata)).isEqualTo(ranges);
    }

    @Test
    void theMetadataIsUrlSafeAscii() {
        List<OffsetRange> ranges = randomRanges(new Random(1), 0, 200, 1_000, 1_000);

        String metadata = OffsetMetadataCodec.encode(0, ranges, LIMIT).metadata();

        assertThat(metadata).matches("[A-Za-z0-9_:-]*");
    }

    @Test
    void rangesThatAreNotNormalisedAreRefused() {
        assertThatThrownBy(() -> OffsetMetadataCodec.encode(10, List.of(OffsetRange.single(10)), LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OffsetMetadataCodec.encode(10,
                List.of(OffsetRange.single(12), OffsetRange.single(13)), LIMIT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corruptMetadataWithTheCodecsTagIsRefused() {
        assertThatThrownBy(() -> OffsetMetadataCodec.decode(10, OffsetMetadataCodec.RUNS_TAG + "!!"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> OffsetMetadataCodec.decode(10, OffsetMetadataCodec.RUNS_TAG + "gA"))
                .hasMessageContaining("ends inside a number");
    }

    @Test
    void whenNothingFitsEverythingIsDropped() {
        EncodedOffsets encoded = OffsetMetadataCodec.encode(10, List.of(OffsetRange.single(12)), 4);

        assertThat(encoded).isEqualTo(new EncodedOffsets("", 0, 1));
        assertThat(encoded.truncated()).isTrue();
    }

    @Property(tries = 200)
    void decodingAnEncodingThatFitsGivesBackTheRanges(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long committed,
            @ForAll @IntRange(min = 0, max = 200) int count,
            @ForAll @IntRange(min = 1, max = 100_000) int maxGap,
            @ForAll @IntRange(min = 1, max = 100_000) int maxLength,
            @ForAll long seed) {
        List<OffsetRange> ranges = randomRanges(new Random(seed), committed, count, maxGap, maxLength);

        EncodedOffsets encoded = OffsetMetadataCodec.encode(committed, ranges, LIMIT);

        assertThat(encoded.truncated()).isFalse();
        assertThat(OffsetMetadataCodec.decode(committed, encoded.metadata())).isEqualTo(ranges);
    }

    @Property(tries = 200)
    void whenTheRangesDoNotFitTheHighestAreDroppedAndTheLimitHolds(
            @ForAll @IntRange(min = 0, max = 600) int limit,
            @ForAll @IntRange(min = 1, max = 400) int count,
            @ForAll @IntRange(min = 1, max = 300) int maxGap,
            @ForAll @IntRange(min = 1, max = 50) int maxLength,
            @ForAll long seed) {
        List<OffsetRange> ranges = randomRanges(new Random(seed), 1_000, count, maxGap, maxLength);

        EncodedOffsets encoded = OffsetMetadataCodec.encode(1_000, ranges, limit);

        assertThat(encoded.metadata().length()).isLessThanOrEqualTo(limit);
        assertThat(encoded.keptRanges() + encoded.droppedRanges()).isEqualTo(count);
        assertThat(OffsetMetadataCodec.decode(1_000, encoded.metadata()))
                .isEqualTo(ranges.subList(0, encoded.keptRanges()));
    }
}
