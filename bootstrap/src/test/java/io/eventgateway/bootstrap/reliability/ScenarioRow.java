package io.eventgateway.bootstrap.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's line of the reliability table: what was sent, the fault, the books as {@code verify} found them, the
 * orchestrator's peak buffered bytes against its budget, and the terms that bound the duplicates.
 *
 * @param load            the load in words ("3 000 events at 1 000/s, P30 10 % / P20 30 % / P10 60 %")
 * @param peakMemoryBytes the orchestrator's {@code memory.peak_used_bytes}, or -1 when the scenario did not read it
 * @param budgetBytes     the orchestrator's {@code memory.budget_bytes}, or -1
 * @param terms           what the duplicates are bounded by, each term measured, and anything else worth reporting
 */
record ScenarioRow(String scenario, String load, String fault, ScenarioBooks books, long peakMemoryBytes,
        long budgetBytes, String terms) {

    /** The row as one JSON object, keys as in {@code docs/reliability.md}'s table. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("load", load);
        json.put("fault", fault);
        json.put("accepted", books.stored());
        json.put("processed", books.processed());
        json.put("dead_lettered", books.deadLettered());
        json.put("lost", books.lost());
        json.put("duplicates", books.duplicated());
        json.put("peak_memory_bytes", peakMemoryBytes);
        json.put("budget_bytes", budgetBytes);
        json.put("slo_met_pct", books.sloMetPct());
        json.put("terms", terms);
        return json;
    }
}
