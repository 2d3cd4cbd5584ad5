package io.eventgateway.domain.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LeaseIdTest {

    @Property(tries = 100)
    void theStringFormRoundTrips(@ForAll @IntRange(min = 0, max = 10_000) int replica,
            @ForAll @LongRange(min = 0) long epoch, @ForAll @LongRange(min = 1) long sequence) {
        LeaseId id = new LeaseId(replica, epoch, sequence);

        assertThat(LeaseId.parse(id.asString())).isEqualTo(id);
    }

    @Test
    void aSequenceBelowOneIsRefused() {
        assertThatThrownBy(() -> new LeaseId(0, 0, 0)).hasMessageContaining("sequence");
    }

    @Test
    void aNegativeReplicaIsRefused() {
        assertThatThrownBy(() -> new LeaseId(-1, 0, 1)).hasMessageContaining("replicaIndex");
    }

    @Test
    void textWithTheWrongShapeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LeaseId.parse("1-2")).hasMessageContaining("3 '-'-separated parts");
        assertThatThrownBy(() -> LeaseId.parse("1-x-3")).hasMessageContaining("non-numeric");
    }
}
