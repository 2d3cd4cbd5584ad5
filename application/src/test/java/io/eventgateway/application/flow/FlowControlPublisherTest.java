package io.eventgateway.application.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventgateway.application.MutableClock;
import io.eventgateway.application.dispatch.OrchestratorStatus.LaneStatus;
import io.eventgateway.domain.congestion.CongestionDetector;
import io.eventgateway.domain.congestion.CongestionState;
import io.eventgateway.domain.congestion.CongestionThresholds;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.LaneHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FlowControlPublisherTest {

    private static final int REPLICA = 3;
    private static final Duration P10_SLO = Duration.ofSeconds(100);
    /** Congested from 50 s oldest age, 20 s poll delay or 10 s paused; clear again below half of each. */
    private static final CongestionThresholds THRESHOLDS = new CongestionThresholds(0.5, Duration.ofSeconds(20),
            Duration.ofSeconds(10), 0.5);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AtomicReference<LaneStatus> lane = new AtomicReference<>(running(0, 0));
    private final FakeSink sink = new FakeSink();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final FlowControlPublisher publisher = new FlowControlPublisher(REPLICA, lane::get,
            new CongestionDetector(THRESHOLDS, P10_SLO), sink, metrics, clock);

    @Test
    void anIdleLaneIsPublishedClearKeyedByReplicaAndStampedNow() {
        Optional<FlowSignal> signal = publisher.tick();

        assertThat(signal).contains(new FlowSignal(REPLICA, CongestionState.CLEAR, clock.instant()));
        assertThat(sink.published).containsExactly(signal.orElseThrow());
        assertThat(metrics.changes).isEmpty();
    }

    @Test
    void anOldestP10TaskPastItsShareOfTheSloMakesTheReplicaCongested() {
        lane.set(running(Duration.ofSeconds(50).toMillis(), 0));

        assertThat(publishedState()).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void anOldestP10TaskJustUnderItsShareOfTheSloLeavesTheReplicaClear() {
        lane.set(running(Duration.ofSeconds(50).toMillis() - 1, 0));

        assertThat(publishedState()).isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void aLaggingP10ConsumerMakesTheReplicaCongested() {
        lane.set(running(0, Duration.ofSeconds(20).toMillis()));

        assertThat(publishedState()).isEqualTo(CongestionState.CONGESTED);
    }

    @Test
    void aLanePausedWithoutInterruptionForMaxPausedForMakesTheReplicaCongested() {
        lane.set(paused());
        for (int second = 0; second < 10; second++) {
            assertThat(publishedState()).as("after %s s paused", second).isEqualTo(CongestionState.CLEAR);
            clock.advance(INTERVAL);
        }

        assertThat(publishedState()).as("after 10 s paused").isEqualTo(CongestionState.CONGESTED);
        assertThat(metrics.changes).hasSize(1).first().satisfies(change -> {
            assertThat(change.to()).isEqualTo(CongestionState.CONGESTED);
            assertThat(change.health().pausedFor()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void aResumeInBetweenRestartsThePauseClock() {
        lane.set(paused());
        publishedState();
        clock.advance(Duration.ofSeconds(9));
        lane.set(running(0, 0));
        publishedState();
        lane.set(paused());
        publishedState();
        clock.advance(Duration.ofSeconds(9));

        assertThat(publishedState()).isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void aCongestedReplicaStaysCongestedUntilEverySignalIsBelowTheClearFraction() {
        lane.set(running(Duration.ofSeconds(50).toMillis(), 0));
        publishedState();

        lane.set(running(Duration.ofSeconds(25).toMillis(), 0));
        assertThat(publishedState()).as("at half the limit").isEqualTo(CongestionState.CONGESTED);
        lane.set(running(Duration.ofSeconds(25).toMillis() - 1, 0));
        assertThat(publishedState()).as("below half the limit").isEqualTo(CongestionState.CLEAR);
    }

    @Test
    void eachStateChangeIsReportedOnceNotAtEveryInterval() {
        lane.set(running(Duration.ofSeconds(60).toMillis(), 0));
        publishedState();
        publishedState();
        lane.set(running(0, 0));
        publishedState();
        publishedState();

        assertThat(metrics.changes).extracting(Change::from, Change::to).containsExactly(
                tuple(CongestionState.CLEAR, CongestionState.CONGESTED),
                tuple(CongestionState.CONGESTED, CongestionState.CLEAR));
    }

    @Test
    void aSignalIsCountedPublishedOnlyOnceTheSinkStoredIt() {
        sink.holdNext();
        publisher.tick();

        assertThat(metrics.published).isEmpty();
        sink.completePending();
        assertThat(metrics.published).containsExactly(CongestionState.CLEAR);
    }

    @Test
    void whileASignalIsInFlightTheIntervalPublishesNothingAndTheNextCarriesTheStateAsItIsThen() {
        sink.holdNext();
        publisher.tick();
        lane.set(running(Duration.ofSeconds(60).toMillis(), 0));
        clock.advance(INTERVAL);

        assertThat(publisher.tick()).isEmpty();
        assertThat(metrics.skipped).containsExactly(CongestionState.CONGESTED);
        assertThat(metrics.changes).as("the change is seen although not published").hasSize(1);

        sink.completePending();
        clock.advance(INTERVAL);
        assertThat(publisher.tick()).contains(new FlowSignal(REPLICA, CongestionState.CONGESTED, clock.instant()));
        assertThat(sink.published).hasSize(2);
    }

    @Test
    void aFailedSignalIsCountedAndTheNextIntervalPublishesAgain() {
        sink.failNext();
        publisher.tick();
        clock.advance(INTERVAL);

        assertThat(publisher.tick()).isPresent();
        assertThat(metrics.failed).containsExactly(CongestionState.CLEAR);
        assertThat(metrics.published).containsExactly(CongestionState.CLEAR);
    }

    private CongestionState publishedState() {
        return publisher.tick().orElseThrow().state();
    }

    private static LaneStatus running(long oldestAgeMs, long pollDelayMs) {
        return new LaneStatus(1, 1_000, false, oldestAgeMs, pollDelayMs, 0);
    }

    private static LaneStatus paused() {
        return new LaneStatus(1, 1_000, true, 0, 0, 0);
    }

    record Change(CongestionState from, CongestionState to, LaneHealth health) {
    }

    /** Completes each signal at once unless told to hold or fail the next one. */
    private static final class FakeSink implements FlowSignalSink {

        final List<FlowSignal> published = new ArrayList<>();
        private final List<CompletableFuture<Void>> pending = new ArrayList<>();
        private boolean holdNext;
        private boolean failNext;

        void holdNext() {
            holdNext = true;
        }

        void failNext() {
            failNext = true;
        }

        void completePending() {
            pending.forEach(future -> future.complete(null));
            pending.clear();
        }

        @Override
        public CompletableFuture<Void> publish(FlowSignal signal) {
            published.add(signal);
            CompletableFuture<Void> future = new CompletableFuture<>();
            if (holdNext) {
                holdNext = false;
                pending.add(future);
            } else if (failNext) {
                failNext = false;
                future.completeExceptionally(new IllegalStateException("broker down"));
            } else {
                future.complete(null);
            }
            return future;
        }
    }

    private static final class RecordingMetrics implements FlowControlMetrics {

        final List<Change> changes = new ArrayList<>();
        final List<CongestionState> published = new ArrayList<>();
        final List<CongestionState> failed = new ArrayList<>();
        final List<CongestionState> skipped = new ArrayList<>();

        @Override
        public void onStateChanged(CongestionState from, CongestionState to, LaneHealth health) {
            changes.add(new Change(from, to, health));
        }

        @Override
        public void onPublished(CongestionState state) {
            published.add(state);
        }

        @Override
        public void onPublishFailed(CongestionState state, Throwable failure) {
            failed.add(state);
        }

        @Override
        public void onSkipped(CongestionState state) {
            skipped.add(state);
        }
    }
}
