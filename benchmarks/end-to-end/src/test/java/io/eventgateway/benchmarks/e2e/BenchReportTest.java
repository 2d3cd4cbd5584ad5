package io.eventgateway.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final Map<String, Map<String, Double>> LATENCY = Map.of(
            "P30", Map.of("p50", 3.0, "p99", 9.0, "p999", 12.0),
            "P20", Map.of("p50", 4.0, "p99", 10.0, "p999", 15.0),
            "P10", Map.of("p50", 5.0, "p99", 11.0, "p999", 20.0));
    private static final Map<String, Number> ISOLATION = Map.of("p30_p99_ms", 40.0, "p30_slo_met_pct", 100.0,
            "p10_offloaded", 1234L, "peak_buffer_bytes", 1_000_000L, "budget_bytes", 536_870_912L);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void theJsonHasExactlyTheKeysOtherToolsRead() {
        Map<String, Object> json = new BenchReport(100_000.0, 40_000.0, 30_000.0, 20_000.0, LATENCY, ISOLATION,
                "2 cores", "abc1234").json();

        assertThat(json).containsOnlyKeys("raw_kafka_eps", "parallel_consumer_eps", "share_group_eps", "gateway_eps",
                "gateway_latency_ms", "isolation", "machine", "commit");
        assertThat(map(json.get("gateway_latency_ms"))).containsOnlyKeys("P30", "P20", "P10");
        assertThat(map(map(json.get("gateway_latency_ms")).get("P10")))
                .containsOnlyKeys("p50", "p99", "p999").containsEntry("p999", 20.0);
        assertThat(map(json.get("isolation"))).containsOnlyKeys("p30_p99_ms", "p30_slo_met_pct",
                "p10_offloaded", "peak_buffer_bytes", "budget_bytes").containsEntry("p10_offloaded", 1234L);
    }

    @Test
    void aFailedContenderIsNullInTheJsonAndHasNoRatio() {
        BenchReport report = new BenchReport(100_000.0, null, 30_000.0, 20_000.0, null, null, "2 cores", "abc1234");

        assertThat(report.json()).containsEntry("parallel_consumer_eps", null);
        assertThat(map(map(report.json().get("gateway_latency_ms")).get("P30")))
                .containsEntry("p99", null);
        assertThat(BenchReport.ratio(report.gatewayEps(), report.parallelConsumerEps())).isNull();
        assertThat(report.table()).contains("failed");
    }

    @Test
    void theTableShowsTheGatewayOverEachContender() {
        String table = new BenchReport(100_000.0, 40_000.0, 25_000.0, 20_000.0, LATENCY, ISOLATION, "2 cores",
                "abc1234").table();

        assertThat(table).contains("0.20").contains("0.50").contains("0.80");
    }
}
