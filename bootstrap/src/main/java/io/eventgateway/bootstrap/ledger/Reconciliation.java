package io.eventgateway.bootstrap.ledger;

import io.eventgateway.bootstrap.loadgen.AcceptedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What became of the events a gateway reported stored, from the record of those events, the processor's ledger and
 * the event ids found in the dead-letter queue. Every count is over the stored ids (a ledger may hold other runs'
 * events).
 *
 * <ul>
 * <li>{@code processed}: stored ids the handler finished (ACK or FAIL) at least once;</li>
 * <li>{@code duplicates}: handler invocations of an id after the first finished one (work done again, beyond the
 * RETRYs, which are counted in {@code retried});</li>
 * <li>{@code missing}: stored ids neither processed nor dead-lettered; of those, up to {@code outstanding} (what
 * the gateway still holds) are {@code pending}, the rest {@code lost};</li>
 * <li>{@code late}: processed ids whose handler first started after their deadline.</li>
 * </ul>
 *
 * @param byPriority by the priority the processor saw, P30 first
 */
public record Reconciliation(long stored, long processed, long duplicates, long retried, long deadLettered,
        long pending, long lost, long late, Map<String, PriorityFigures> byPriority, List<String> missingSample) {

    static final int MISSING_SAMPLE = 10;

    public Reconciliation {
        byPriority = Collections.unmodifiableMap(new LinkedHashMap<>(byPriority));
        missingSample = List.copyOf(missingSample);
    }

    /**
     * @param sloMetPct share of processed ids whose handler first started by the deadline; 100 when none
     */
    public record PriorityFigures(long processed, long late, double sloMetPct, long latencyP50Ms, long latencyP99Ms,
            long latencyMaxMs) {
    }

    /** @param outstanding records the gateway still holds (backlog, buffered, leased); 0 once drained or offline */
    public static Reconciliation of(Collection<AcceptedEvent> accepted, List<LedgerEntry> ledger,
            Set<String> deadLetteredIds, long outstanding) {
        Set<String> storedIds = new HashSet<>(accepted.size() * 2);
        accepted.forEach(event -> storedIds.add(event.eventId()));
        Map<String, LedgerEntry> firstStart = new HashMap<>();
        Set<String> finished = new HashSet<>();
        long duplicates = 0;
        long retried = 0;
        for (LedgerEntry entry : ledger) {
            String id = entry.eventId();
            if (!storedIds.contains(id)) {
                continue;
            }
            firstStart.merge(id, entry, (old, now) -> now.processedAtMs() < old.processedAtMs() ? now : old);
            if (finished.contains(id)) {
                duplicates++;
            } else if (entry.outcome().isFinal()) {
                finished.add(id);
            }
            if (entry.outcome() == LedgerOutcome.RETRY) {
                retried++;
            }
        }
        long deadLettered = 0;
        for (String id : deadLetteredIds) {
            if (storedIds.contains(id)) {
                deadLettered++;
            }
        }
        List<String> sample = new ArrayList<>();
        long missing = 0;
        for (String id : storedIds) {
            if (!finished.contains(id) && !deadLetteredIds.contains(id)) {
                missing++;
                if (sample.size() < MISSING_SAMPLE) {
                    sample.add(id);
                }
            }
        }
        long pending = Math.min(missing, Math.max(0, outstanding));
        Map<String, List<LedgerEntry>> firstsByPriority = new HashMap<>();
        for (String id : finished) {
            LedgerEntry first = firstStart.get(id);
            firstsByPriority.computeIfAbsent(first.priority(), key -> new ArrayList<>()).add(first);
        }
        Map<String, PriorityFigures> byPriority = new LinkedHashMap<>();
        long late = 0;
        for (String priority : List.of("P30", "P20", "P10")) {
            PriorityFigures figures = figures(firstsByPriority.getOrDefault(priority, List.of()));
            byPriority.put(priority, figures);
            late += figures.late();
        }
        return new Reconciliation(storedIds.size(), finished.size(), duplicates, retried, deadLettered, pending,
                missing - pending, late, byPriority, sample);
    }

    private static PriorityFigures figures(List<LedgerEntry> firsts) {
        Histogram latencies = new Histogram(3);
        long late = 0;
        for (LedgerEntry first : firsts) {
            latencies.recordValue(first.latencyMs());
            if (first.late()) {
                late++;
            }
        }
        double sloMetPct = firsts.isEmpty() ? 100.0 : 100.0 * (firsts.size() - late) / firsts.size();
        return new PriorityFigures(firsts.size(), late, sloMetPct, latencies.getValueAtPercentile(50),
                latencies.getValueAtPercentile(99), latencies.getMaxValue());
    }
}
