package io.eventgateway.application.recovery;

import io.eventgateway.application.flow.FlowSignalListener;
import io.eventgateway.domain.admission.TokenBucket;
import io.eventgateway.domain.congestion.AdmissionAdvice;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.priority.Lane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when the next redriven record may go: a token bucket caps the rate over all lanes, and while any
 * orchestrator replica freshly reports P10 congestion, bulk records (P10 and offload) wait, exactly as the
 * publisher would cut its P10 admission. P30 and P20 records are never held back by P10 congestion.
 *
 * <p>Thread-safe: flow signals arrive on the flow-signal source's thread, decisions are asked on the redriving one.
 */
public final class RedrivePacer implements FlowSignalListener {

    private final TokenBucket bucket;
    private final FlowSignalBoard board;
    private final Duration congestionPause;
    private final Clock clock;

    public RedrivePacer(PacingSettings settings, FlowSignalBoard board, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bucket = new TokenBucket(settings.ratePerSecond(), settings.burst(), clock.instant());
        this.board = Objects.requireNonNull(board, "board");
        this.congestionPause = settings.congestionPause();
    }

    @Override
    public synchronized void onFlowSignal(FlowSignal signal) {
        // Aged from its arrival at the latest, so a replica whose clock runs ahead cannot keep its state fresh.
        board.record(signal, clock.instant());
    }

    /**
     * {@link Duration#ZERO} when a record of {@code lane} may go now (its permit is then taken), else how long to
     * wait before asking again.
     */
    public synchronized Duration delayFor(Lane lane, Instant now) {
        Objects.requireNonNull(lane, "lane");
        if (isBulk(lane) && board.advice(now) == AdmissionAdvice.DECREASE) {
            return congestionPause;
        }
        if (bucket.tryAcquire(now, 1)) {
            return Duration.ZERO;
        }
        return bucket.waitTime(now, 1);
    }

    private static boolean isBulk(Lane lane) {
        return lane == Lane.P10 || lane == Lane.OFFLOAD;
    }
}
