package io.eventgateway.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RecentIdsProperties {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * Against a model (the last {@code max} distinct ids offered within the window): the set never exceeds its bound and
     * says "duplicate" exactly for an id the model still holds.
     */
    @Property(tries = 100)
    void agreesWithABoundedWindowModel(@ForAll @Size(max = 200) List<@IntRange(max = 20) Integer> idsAndSteps,
            @ForAll @IntRange(min = 1, max = 8) int maxEntries) {
        Duration window = Duration.ofSeconds(10);
        RecentIds ids = new RecentIds(window, maxEntries);
        Deque<Object[]> model = new ArrayDeque<>();
        Instant now = T0;
        for (int value : idsAndSteps) {
            now = now.plusSeconds(value % 3);
            String id = "id-" + (value % 10);
            Instant cutoff = now.minus(window);
            model.removeIf(entry -> !((Instant) entry[1]).isAfter(cutoff));
            boolean held = model.stream().anyMatch(entry -> entry[0].equals(id));
            assertThat(ids.firstSeen(id, now)).isEqualTo(!held);
            if (!held) {
                model.addLast(new Object[] {id, now});
                if (model.size() > maxEntries) {
                    model.removeFirst();
                }
            }
            assertThat(ids.size()).isEqualTo(model.size()).isLessThanOrEqualTo(maxEntries);
        }
    }
}
