package io.eventgateway.domain.congestion;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A publisher's view of every replica's congestion state, turned into {@link AdmissionAdvice}:
 * <ul>
 *   <li>any fresh {@link CongestionState#CONGESTED} signal → {@link AdmissionAdvice#DECREASE};</li>
 *   <li>every expected replica ({@code 0..expectedReplicas-1}) fresh and {@link CongestionState#CLEAR} →
 *       {@link AdmissionAdvice#INCREASE};</li>
 *   <li>otherwise (a replica never heard from, or stale) → {@link AdmissionAdvice#HOLD}.</li>
 * </ul>
 * A signal is fresh while its age is at most {@code staleAfter}; a stale one counts as unknown, because a silent
 * replica may be the most congested of all. Its age counts from when it was published, or from when it arrived if
 * it claims a later time: a replica whose clock runs ahead is believed on arrival, but its state still goes stale
 * once the replica falls silent (else a dead replica's last CLEAR, dated an hour ahead, would raise the rate for an
 * hour). A fresh congested signal from a replica beyond the expected count (a scale-down still draining) still
 * decreases: erring toward less admission is the safe side.
 *
 * <p>Invariant: at most one signal per replica, the one with the latest age origin seen. Mutable and not
 * thread-safe: the flow-control consumer feeds it and reads advice on the same thread.
 */
public final class FlowSignalBoard {

    private final int expectedReplicas;
    private final Duration staleAfter;
    private final Map<Integer, Held> latestByReplica = new HashMap<>();

    /** A signal and the instant its age counts from. */
    private record Held(FlowSignal signal, Instant since) {
    }

    public FlowSignalBoard(int expectedReplicas, Duration staleAfter) {
        if (expectedReplicas < 1) {
            throw new IllegalArgumentException("expectedReplicas must be >= 1, was " + expectedReplicas);
        }
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be a positive duration, was " + staleAfter);
        }
        this.expectedReplicas = expectedReplicas;
        this.staleAfter = staleAfter;
    }

    /**
     * Keeps {@code signal}, received at {@code receivedAt}, unless a signal of the same replica with a later age
     * origin is already held (records can arrive out of order after a consumer restart). Returns whether it was kept.
     */
    public boolean record(FlowSignal signal, Instant receivedAt) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Instant since = signal.publishedAt().isAfter(receivedAt) ? receivedAt : signal.publishedAt();
        Held held = latestByReplica.get(signal.replicaIndex());
        if (held != null && since.isBefore(held.since())) {
            return false;
        }
        latestByReplica.put(signal.replicaIndex(), new Held(signal, since));
        return true;
    }

    public AdmissionAdvice advice(Instant now) {
        Objects.requireNonNull(now, "now");
        boolean anyCongested = latestByReplica.values().stream()
                .anyMatch(held -> isFresh(held, now) && held.signal().state() == CongestionState.CONGESTED);
        if (anyCongested) {
            return AdmissionAdvice.DECREASE;
        }
        for (int replica = 0; replica < expectedReplicas; replica++) {
            Held held = latestByReplica.get(replica);
            if (held == null || !isFresh(held, now)) {
                return AdmissionAdvice.HOLD;
            }
        }
        return AdmissionAdvice.INCREASE;
    }

    private boolean isFresh(Held held, Instant now) {
        return !held.since().plus(staleAfter).isBefore(now);
    }
}
