package io.eventgateway.application.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.application.MutableClock;
import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FailedWritesDrainTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedFeed feed = new ScriptedFeed();
    private final List<RedriveItem> written = new ArrayList<>();
    private boolean primaryUp = true;
    private final RedriveWriter primary = item -> {
        if (!primaryUp) {
            return CompletableFuture.failedFuture(new IllegalStateException("primary down"));
        }
        written.add(item);
        return CompletableFuture.completedFuture(new StoredLocation.Primary("primary", "eg.p30", 0, written.size()));
    };
    private final FailedWritesDrain drain = new FailedWritesDrain(feed, new PacedRedriver(primary,
            new RedrivePacer(new PacingSettings(1_000_000, 1_000, Duration.ofSeconds(1)),
                    new FlowSignalBoard(1, Duration.ofSeconds(5)), clock), clock::advance, RecoveryMetrics.NONE, clock),
            RecoveryMetrics.NONE, new RedriveBackoff(Duration.ofMillis(100), Duration.ofMillis(400)),
            Duration.ofSeconds(1));

    @Test
    void aBatchIsCommittedOnlyAfterThePrimaryAckedItUnchanged() throws InterruptedException {
        FailedWrite.Readable write = readable(0);
        feed.batches.add(List.of(write));

        assertThat(drain.drainOnce()).isEqualTo(new DrainStep.Drained(1, 0));

        assertThat(written).extracting(RedriveItem::write).containsExactly(write.write());
        assertThat(written.get(0).mark()).isEmpty();
        assertThat(feed.committed).containsExactly(List.of(write));
    }

    @Test
    void aBatchThePrimaryRefusedIsRewoundNotCommittedAndTheBackoffGrows() throws InterruptedException {
        primaryUp = false;
        List<FailedWrite> batch = List.of(readable(0), readable(1));
        feed.batches.add(batch);
        feed.batches.add(batch);

        DrainStep first = drain.drainOnce();
        DrainStep second = drain.drainOnce();

        assertThat(first).isInstanceOfSatisfying(DrainStep.Failed.class,
                failed -> assertThat(failed.backoff()).isEqualTo(Duration.ofMillis(100)));
        assertThat(second).isInstanceOfSatisfying(DrainStep.Failed.class,
                failed -> assertThat(failed.backoff()).isEqualTo(Duration.ofMillis(200)));
        assertThat(feed.committed).isEmpty();
        assertThat(feed.rewound).containsExactly(batch, batch);
    }

    @Test
    void anUnreadableRecordIsCommittedPastSoItCannotBlockTheDrain() throws InterruptedException {
        FailedWrite unreadable = new FailedWrite.Unreadable(new SourcePosition("eg.failed-writes", 0, 0), "bad");
        feed.batches.add(List.of(unreadable, readable(1)));

        assertThat(drain.drainOnce()).isEqualTo(new DrainStep.Drained(1, 1));
        assertThat(feed.committed).hasSize(1);
    }

    @Test
    void nothingWaitingIsIdle() throws InterruptedException {
        assertThat(drain.drainOnce()).isEqualTo(new DrainStep.Idle());
    }

    private static FailedWrite.Readable readable(long offset) {
        EventRecord record = new EventRecord("event-" + offset, "acme", "checkout", "order.created", null,
                Payload.empty(), Map.of(), Priority.P30, NOW, NOW.plusSeconds(5), 2, 0, null, null);
        return new FailedWrite.Readable(new SourcePosition("eg.failed-writes", 0, offset),
                new LaneWrite(record, Lane.P30));
    }

    private static final class ScriptedFeed implements FailedWriteFeed {
        final Deque<List<FailedWrite>> batches = new ArrayDeque<>();
        final List<List<FailedWrite>> committed = new ArrayList<>();
        final List<List<FailedWrite>> rewound = new ArrayList<>();

        @Override
        public List<FailedWrite> poll() {
            return batches.isEmpty() ? List.of() : batches.poll();
        }

        @Override
        public void commit(List<FailedWrite> batch) {
            committed.add(batch);
        }

        @Override
        public void rewind(List<FailedWrite> batch) {
            rewound.add(batch);
        }

        @Override
        public OptionalLong pending() {
            return OptionalLong.of(batches.size());
        }
    }
}
