package io.eventgateway.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourcePositionHashTest {

    @Test
    void equalPositionsHashAlike() {
        assertThat(new SourcePosition("eg.p20", 3, 41)).hasSameHashCodeAs(new SourcePosition("eg.p20", 3, 41));
    }

    @Test
    void neighbouringPartitionsDoNotCollideOnShiftedOffsets() {
        Set<Integer> hashes = new HashSet<>();
        for (int partition = 0; partition < 8; partition++) {
            for (long offset = 0; offset < 1_000; offset++) {
                hashes.add(new SourcePosition("eg.p20", partition, offset).hashCode());
            }
        }
        // The record's default hash gives 8 × 1000 positions only 1,217 distinct values.
        assertThat(hashes).hasSizeGreaterThan(7_990);
    }
}
