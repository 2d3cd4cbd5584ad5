package io.eventgateway.adapters.kafka.topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The result of {@code topics apply} on one cluster: one line per planned topic, in plan order. */
public record TopicApplyReport(Cluster cluster, boolean dryRun, List<TopicApplyResult> results) {

    private static final String TOPIC_HEADER = "TOPIC";
    private static final String OUTCOME_HEADER = "OUTCOME";
    private static final String DETAILS_HEADER = "DETAILS";
    private static final String COLUMN_GAP = "  ";

    public TopicApplyReport {
        Objects.requireNonNull(cluster, "cluster");
        results = List.copyOf(results);
    }

    /** True when a topic differs from the plan in a way apply does not fix: the operator must act. */
    public boolean hasUnfixableDrift() {
        return results.stream().anyMatch(result -> result.outcome() instanceof TopicOutcome.Drift);
    }

    /** The result of one topic. */
    public TopicApplyResult result(String topic) {
        return results.stream().filter(result -> result.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("topic " + topic + " is not in this report"));
    }

    /**
     * A plain-text table for the terminal: a summary line, then topic, outcome and details, one detail per line
     * (config changes, drift, notes).
     */
    public String render() {
        int topicWidth = TOPIC_HEADER.length();
        int outcomeWidth = OUTCOME_HEADER.length();
        for (TopicApplyResult result : results) {
            topicWidth = Math.max(topicWidth, result.topic().length());
            outcomeWidth = Math.max(outcomeWidth, result.outcome().label().length());
        }
        StringBuilder table = new StringBuilder(summary()).append('\n');
        appendRow(table, topicWidth, outcomeWidth, TOPIC_HEADER, OUTCOME_HEADER, DETAILS_HEADER);
        for (TopicApplyResult result : results) {
            List<String> details = details(result);
            appendRow(table, topicWidth, outcomeWidth, result.topic(), result.outcome().label(),
                    details.isEmpty() ? "" : details.get(0));
            for (String detail : details.subList(Math.min(1, details.size()), details.size())) {
                appendRow(table, topicWidth, outcomeWidth, "", "", detail);
            }
        }
        return table.toString();
    }

    private String summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TopicApplyResult result : results) {
            counts.merge(result.outcome().label(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((label, count) -> parts.add(count + " " + label));
        return "topics apply on the " + cluster + " cluster" + (dryRun ? " (dry run, nothing changed)" : "") + ": "
                + (parts.isEmpty() ? "no topics" : String.join(", ", parts))
                + (hasUnfixableDrift() ? " -- DRIFT needs an operator" : "");
    }

    private static List<String> details(TopicApplyResult result) {
        List<String> details = new ArrayList<>();
        if (result.outcome() instanceof TopicOutcome.Drift drift) {
            details.add(drift.message());
        }
        for (ConfigChange change : result.configChanges()) {
            details.add(change.toString());
        }
        details.addAll(result.notes());
        return details;
    }

    private static void appendRow(StringBuilder table, int topicWidth, int outcomeWidth, String topic,
                                  String outcome, String detail) {
        String row = pad(topic, topicWidth) + COLUMN_GAP + pad(outcome, outcomeWidth) + COLUMN_GAP + detail;
        table.append(row.stripTrailing()).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
