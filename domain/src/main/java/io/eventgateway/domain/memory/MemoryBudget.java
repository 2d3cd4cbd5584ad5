package io.eventgateway.domain.memory;

import io.eventgateway.domain.priority.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bytes held in memory per lane and kind, against one total, and the lane pauses that keep it bounded. Each
 * lane pauses when the <em>total</em> usage reaches its threshold and resumes when the total falls below its
 * threshold − hysteresis, so as usage rises the lanes pause in threshold order (by default P10, offload, P20,
 * retry, P30) and the most urgent lane keeps polling longest.
 *
 * <p>Invariants: every counter is {@code >= 0} (a release of more than is held is a bookkeeping bug and
 * throws); {@link #usedBytes()} is the sum of all counters; a lane is {@link LaneState#PAUSED} exactly when the
 * last {@link #evaluate()} decided so. Usage may pass the total by what one poll brings in: the budget decides
 * pauses, it does not refuse bytes already fetched.
 *
 * <p>Mutable and not thread-safe: the replica's buffer loop owns it.
 */
public final class MemoryBudget {

    private final Map<Lane, long[]> bytesByLane = new EnumMap<>(Lane.class);
    private final Map<Lane, LaneState> stateByLane = new EnumMap<>(Lane.class);
    private MemoryBudgetSettings settings;
    private long usedBytes;
    private long peakUsedBytes;

    public MemoryBudget(MemoryBudgetSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        for (Lane lane : Lane.values()) {
            bytesByLane.put(lane, new long[HoldKind.values().length]);
            stateByLane.put(lane, LaneState.RUNNING);
        }
    }

    public void add(Lane lane, HoldKind kind, long bytes) {
        requireBytes(bytes);
        long[] counters = countersOf(lane);
        counters[kindIndex(kind)] = Math.addExact(counters[kindIndex(kind)], bytes);
        usedBytes = Math.addExact(usedBytes, bytes);
        peakUsedBytes = Math.max(peakUsedBytes, usedBytes);
    }

    public void release(Lane lane, HoldKind kind, long bytes) {
        requireBytes(bytes);
        long[] counters = countersOf(lane);
        requireHeld(lane, kind, counters, bytes);
        counters[kindIndex(kind)] -= bytes;
        usedBytes -= bytes;
    }

    /** Re-labels held bytes (buffered → leased, leased → delayed, ...); the total does not change. */
    public void move(Lane lane, HoldKind fromKind, HoldKind toKind, long bytes) {
        requireBytes(bytes);
        long[] counters = countersOf(lane);
        int from = kindIndex(fromKind);
        int to = kindIndex(toKind);
        requireHeld(lane, fromKind, counters, bytes);
        counters[from] -= bytes;
        counters[to] += bytes;
    }

    /**
     * The lanes whose state must change for the current usage, in lane order; their states are updated to
     * match, so calling again without a change in usage returns nothing.
     */
    public List<LaneDecision> evaluate() {
        List<LaneDecision> decisions = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            LaneState state = stateByLane.get(lane);
            if (state == LaneState.RUNNING && usedBytes >= settings.pauseAtBytes(lane)) {
                stateByLane.put(lane, state.transitionTo(LaneState.PAUSED));
                decisions.add(new LaneDecision.PauseLane(lane));
            } else if (state == LaneState.PAUSED && usedBytes < settings.resumeBelowBytes(lane)) {
                stateByLane.put(lane, state.transitionTo(LaneState.RUNNING));
                decisions.add(new LaneDecision.ResumeLane(lane));
            }
        }
        return List.copyOf(decisions);
    }

    /** Takes new thresholds or total (a dynamic setting); the next {@link #evaluate()} applies them. */
    public void updateSettings(MemoryBudgetSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    public MemoryBudgetSettings settings() {
        return settings;
    }

    public long usedBytes() {
        return usedBytes;
    }

    /** The most {@link #usedBytes()} has been since this budget was made: what an overload really cost. */
    public long peakUsedBytes() {
        return peakUsedBytes;
    }

    public long usedBytes(Lane lane) {
        long sum = 0;
        for (long bytes : countersOf(lane)) {
            sum += bytes;
        }
        return sum;
    }

    public long usedBytes(Lane lane, HoldKind kind) {
        return countersOf(lane)[kindIndex(kind)];
    }

    public LaneState state(Lane lane) {
        Objects.requireNonNull(lane, "lane");
        return stateByLane.get(lane);
    }

    private long[] countersOf(Lane lane) {
        Objects.requireNonNull(lane, "lane");
        return bytesByLane.get(lane);
    }

    private static int kindIndex(HoldKind kind) {
        return Objects.requireNonNull(kind, "kind").ordinal();
    }

    private static void requireBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
    }

    private static void requireHeld(Lane lane, HoldKind kind, long[] counters, long bytes) {
        long held = counters[kindIndex(kind)];
        if (bytes > held) {
            throw new IllegalStateException("cannot take " + bytes + " bytes from " + lane + "/" + kind
                    + ": only " + held + " are held");
        }
    }
}
