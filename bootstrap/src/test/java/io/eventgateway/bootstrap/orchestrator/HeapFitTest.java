package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.adapters.kafka.dispatch.FetchBounds;
import io.eventgateway.domain.priority.Lane;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapFitTest {

    private static final long HEAP = 1_000_000_000;

    private static Map<Lane, FetchBounds> fetchOf(int bytes) {
        Map<Lane, FetchBounds> fetch = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            fetch.put(lane, new FetchBounds(100, bytes, bytes));
        }
        return fetch;
    }

    @Test
    void aBudgetAndPrefetchWithinTheHeapShareFit() {
        assertThatCode(() -> HeapFit.require(500_000_000, fetchOf(20_000_000), 0.6, HEAP)).doesNotThrowAnyException();
    }

    @Test
    void thePrefetchOfEveryLaneCountsAgainstTheHeapShare() {
        assertThatThrownBy(() -> HeapFit.require(500_000_000, fetchOf(20_000_001), 0.6, HEAP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("budget 500000000 bytes + lane prefetch 100000005 bytes")
                .hasMessageContaining("600000000 bytes");
    }

    @Test
    void theDefaultBudgetIsAQuarterOfTheHeap() {
        assertThat(HeapFit.defaultBudget(HEAP)).isEqualTo(250_000_000);
    }
}
