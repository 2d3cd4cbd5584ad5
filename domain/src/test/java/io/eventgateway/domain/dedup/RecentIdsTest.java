package io.eventgateway.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anIdSeenAgainWithinTheWindowIsADuplicate() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(5), 10);
        assertThat(ids.firstSeen("a", T0)).isTrue();
        assertThat(ids.firstSeen("a", T0.plusSeconds(299))).isFalse();
    }

    @Test
    void anIdSeenAgainAfterTheWindowIsNew() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(5), 10);
        ids.firstSeen("a", T0);
        assertThat(ids.firstSeen("a", T0.plusSeconds(300))).isTrue();
    }

    @Test
    void pastItsCapacityTheOldestIdIsForgotten() {
        RecentIds ids = new RecentIds(Duration.ofMinutes(5), 2);
        ids.firstSeen("a", T0);
        ids.firstSeen("b", T0);
        ids.firstSeen("c", T0);
        assertThat(ids.size()).isEqualTo(2);
        assertThat(ids.firstSeen("a", T0)).isTrue();
        assertThat(ids.firstSeen("c", T0)).isFalse();
    }

    @Test
    void bytesFollowTheEntriesHeld() {
        RecentIds ids = new RecentIds(Duration.ofSeconds(1), 10);
        ids.firstSeen("abcd", T0);
        assertThat(ids.bytes()).isEqualTo(RecentIds.ENTRY_OVERHEAD_BYTES + 8);
        ids.firstSeen("x", T0.plusSeconds(2));
        assertThat(ids.bytes()).isEqualTo(RecentIds.ENTRY_OVERHEAD_BYTES + 2);
    }

    @Test
    void aZeroWindowTurnsDedupOff() {
        RecentIds ids = new RecentIds(Duration.ZERO, 10);
        ids.firstSeen("a", T0);
        assertThat(ids.firstSeen("a", T0)).isTrue();
        assertThat(ids.bytes()).isZero();
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatThrownBy(() -> new RecentIds(Duration.ofSeconds(-1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
