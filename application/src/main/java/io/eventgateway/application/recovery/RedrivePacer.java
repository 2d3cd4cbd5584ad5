package io.eventgateway.application.recovery;

import io.eventgateway.application.flow.FlowSignalListener;
import io.eventgateway.domain.admission.TokenBucket;
import io.eventgateway.domain.congestion.AdmissionAdvice;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import io.eventgateway.domain.priority.Lane;
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

    public RedrivePacer(PacingSettings settings, FlowSignalBoard board, Instant now) {
        Objects.requireNonNull(settings, "settings");
        this.bucket = new TokenBucket(settings.ratePerSecond(), settings.burst(), now);
        this.board = Objects.requireNonNull(board, "board");
        this.congestionPause = settings.congestionPause();
    }

    @Override
    public synchronized void onFlowSignal(FlowSignal signal) {
        board.record(signal);
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
