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
 * replica may be the most congested of all. A fresh congested signal from a replica beyond the expected count
 * (a scale-down still draining) still decreases: erring toward less admission is the safe side.
 *
 * <p>Invariant: at most one signal per replica, the one with the latest {@code publishedAt} seen. Mutable and
 * not thread-safe: the flow-control consumer feeds it and reads advice on the same thread.
 */
public final class FlowSignalBoard {

    private final int expectedReplicas;
    private final Duration staleAfter;
    private final Map<Integer, FlowSignal> latestByReplica = new HashMap<>();

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
     * Keeps {@code signal} unless a signal of the same replica published later is already held (records can
     * arrive out of order after a consumer restart). Returns whether it was kept.
     */
    public boolean record(FlowSignal signal) {
        Objects.requireNonNull(signal, "signal");
        FlowSignal held = latestByReplica.get(signal.replicaIndex());
        if (held != null && signal.publishedAt().isBefore(held.publishedAt())) {
            return false;
        }
        latestByReplica.put(signal.replicaIndex(), signal);
        return true;
    }

    public AdmissionAdvice advice(Instant now) {
        Objects.requireNonNull(now, "now");
        boolean anyCongested = latestByReplica.values().stream()
                .anyMatch(signal -> isFresh(signal, now) && signal.state() == CongestionState.CONGESTED);
        if (anyCongested) {
            return AdmissionAdvice.DECREASE;
        }
        for (int replica = 0; replica < expectedReplicas; replica++) {
            FlowSignal signal = latestByReplica.get(replica);
            if (signal == null || !isFresh(signal, now)) {
                return AdmissionAdvice.HOLD;
            }
        }
        return AdmissionAdvice.INCREASE;
    }

    /** A signal published "in the future" (clock skew between hosts) is fresh, not rejected. */
    private boolean isFresh(FlowSignal signal, Instant now) {
        return !signal.publishedAt().plus(staleAfter).isBefore(now);
    }
}
