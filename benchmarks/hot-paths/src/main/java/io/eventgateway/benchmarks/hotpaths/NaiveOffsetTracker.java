package io.eventgateway.benchmarks.hotpaths;

import java.util.TreeSet;

/**
 * The baseline tracker a first version would write: pending offsets in a {@code TreeSet<Long>}, the committable
 * offset is the smallest pending one, and commit metadata lists the completed offsets above it in decimal, cut at the
 * byte limit.
 */
final class NaiveOffsetTracker {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long highestPolled;

    NaiveOffsetTracker(long startOffset) {
        this.highestPolled = startOffset - 1;
    }

    void onPolled(long offset) {
        pending.add(offset);
        highestPolled = offset;
    }

    boolean markDone(long offset) {
        return pending.remove(offset);
    }

    long committableOffset() {
        return pending.isEmpty() ? highestPolled + 1 : pending.first();
    }

    String metadata(int maxBytes) {
        StringBuilder metadata = new StringBuilder();
        for (long offset = committableOffset() + 1; offset <= highestPolled; offset++) {
            if (pending.contains(offset)) {
                continue;
            }
            String next = Long.toString(offset);
            if (metadata.length() + next.length() + 1 > maxBytes) {
                break;
            }
            metadata.append(next).append(',');
        }
        return metadata.toString();
    }
}
