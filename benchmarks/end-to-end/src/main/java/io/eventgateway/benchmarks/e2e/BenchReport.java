package io.eventgateway.benchmarks.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One end-to-end run's figures in the stable shape other tools read ({@link #json()}: exactly the keys of issue 10),
 * and the table printed for people. A contender that failed has {@code null} figures, never a made-up number.
 *
 * @param gatewayLatencyMs P30, P20, P10 → p50, p99, p999
 * @param isolation        p30_p99_ms, p30_slo_met_pct, p10_offloaded, peak_buffer_bytes, budget_bytes
 */
record BenchReport(Double rawKafkaEps, Double parallelConsumerEps, Double shareGroupEps, Double gatewayEps,
        Map<String, Map<String, Double>> gatewayLatencyMs, Map<String, Number> isolation, String machine,
        String commit) {

    static final List<String> PRIORITIES = List.of("P30", "P20", "P10");
    static final List<String> PERCENTILES = List.of("p50", "p99", "p999");
    static final List<String> ISOLATION_KEYS = List.of("p30_p99_ms", "p30_slo_met_pct", "p10_offloaded",
            "peak_buffer_bytes", "budget_bytes");

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("raw_kafka_eps", rawKafkaEps);
        json.put("parallel_consumer_eps", parallelConsumerEps);
        json.put("share_group_eps", shareGroupEps);
        json.put("gateway_eps", gatewayEps);
        Map<String, Object> latency = new LinkedHashMap<>();
        for (String priority : PRIORITIES) {
            Map<String, Double> measured = gatewayLatencyMs == null ? Map.of()
                    : gatewayLatencyMs.getOrDefault(priority, Map.of());
            Map<String, Object> one = new LinkedHashMap<>();
            for (String percentile : PERCENTILES) {
                one.put(percentile, measured.get(percentile));
            }
            latency.put(priority, one);
        }
        json.put("gateway_latency_ms", latency);
        Map<String, Object> isolated = new LinkedHashMap<>();
        for (String key : ISOLATION_KEYS) {
            isolated.put(key, isolation == null ? null : isolation.get(key));
        }
        json.put("isolation", isolated);
        json.put("machine", machine);
        json.put("commit", commit);
        return json;
    }

    /** Gateway over another contender, or null when either is missing. */
    static Double ratio(Double gateway, Double other) {
        return gateway == null || other == null || other == 0 ? null : gateway / other;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-34s %14s %12s%n", "contender", "events/s", "gateway / it"));
        row(out, "1 raw Kafka pipe", rawKafkaEps, ratio(gatewayEps, rawKafkaEps));
        row(out, "2 parallel-consumer (UNORDERED)", parallelConsumerEps, ratio(gatewayEps, parallelConsumerEps));
        row(out, "3 share-group consumer", shareGroupEps, ratio(gatewayEps, shareGroupEps));
        row(out, "4 Event Gateway (all roles)", gatewayEps, null);
        out.append(String.format(Locale.ROOT, "%ngateway ingest->handler latency at 50 %% of saturation (ms)%n"));
        out.append(String.format(Locale.ROOT, "%-8s %10s %10s %10s%n", "priority", "p50", "p99", "p99.9"));
        for (String priority : PRIORITIES) {
            Map<String, Double> measured = gatewayLatencyMs == null ? Map.of()
                    : gatewayLatencyMs.getOrDefault(priority, Map.of());
            out.append(String.format(Locale.ROOT, "%-8s %10s %10s %10s%n", priority, number(measured.get("p50")),
                    number(measured.get("p99")), number(measured.get("p999"))));
        }
        out.append(String.format(Locale.ROOT, "%nisolation: P10 at 3x capacity, P30 at 1 %% of capacity%n"));
        for (String key : ISOLATION_KEYS) {
            Number value = isolation == null ? null : isolation.get(key);
            out.append(String.format(Locale.ROOT, "  %-20s %s%n", key,
                    value == null ? "-" : number(value.doubleValue())));
        }
        out.append(String.format(Locale.ROOT, "%nmachine: %s%ncommit: %s%n", machine, commit));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Double eps, Double ratio) {
        out.append(String.format(Locale.ROOT, "%-34s %14s %12s%n", name, eps == null ? "failed" : number(eps),
                ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio)));
    }

    private static String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
