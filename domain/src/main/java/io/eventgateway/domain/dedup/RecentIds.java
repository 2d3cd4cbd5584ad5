package io.eventgateway.domain.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ids seen on one partition within a window, to drop a copy of an event that arrives again (a producer's retry, a
 * fallback copy re-driven by recovery). Bounded by {@code maxEntries}: past it the oldest id is forgotten, so the
 * window is best-effort under a high rate. Its size in bytes is an estimate for the memory budget.
 *
 * <p>Invariants: at most {@code maxEntries} ids; an id is reported as seen only if it was offered within
 * {@code window} of now and not forgotten for room. Mutable, not thread-safe: one owner.
 */
public final class RecentIds {

    /** A hash-map entry, the string's header and array, and the instant: roughly, on a 64-bit JVM. */
    static final int ENTRY_OVERHEAD_BYTES = 120;

    private final Duration window;
    private final int maxEntries;
    /** Insertion order is arrival order, so the eldest entries are the first to leave. */
    private final LinkedHashMap<String, Instant> seenAt = new LinkedHashMap<>();
    private long bytes;

    public RecentIds(Duration window, int maxEntries) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("window must be a duration >= 0, was " + window);
        }
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0, was " + maxEntries);
        }
        this.window = window;
        this.maxEntries = maxEntries;
    }

    /** Records {@code id} seen at {@code now}; false when it was already seen within the window (a duplicate). */
    public boolean firstSeen(String id, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        forgetOlderThan(now.minus(window));
        if (maxEntries == 0 || window.isZero()) {
            return true;
        }
        if (seenAt.containsKey(id)) {
            return false;
        }
        seenAt.put(id, now);
        bytes += bytesOf(id);
        if (seenAt.size() > maxEntries) {
            Iterator<Map.Entry<String, Instant>> eldest = seenAt.entrySet().iterator();
            bytes -= bytesOf(eldest.next().getKey());
            eldest.remove();
        }
        return true;
    }

    public int size() {
        return seenAt.size();
    }

    /** The estimated heap held, for the memory budget. */
    public long bytes() {
        return bytes;
    }

    private void forgetOlderThan(Instant cutoff) {
        Iterator<Map.Entry<String, Instant>> entries = seenAt.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> entry = entries.next();
            if (entry.getValue().isAfter(cutoff)) {
                return;
            }
            bytes -= bytesOf(entry.getKey());
            entries.remove();
        }
    }

    private static long bytesOf(String id) {
        return ENTRY_OVERHEAD_BYTES + 2L * id.length();
    }
}
