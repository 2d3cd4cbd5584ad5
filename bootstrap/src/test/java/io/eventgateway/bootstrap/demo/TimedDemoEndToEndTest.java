package io.eventgateway.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --role all --demo --duration 20s --summary-json FILE}, in process: nothing lost, the agreed JSON keys. */
class TimedDemoEndToEndTest {

    private static final Duration DURATION = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aTwentySecondDemoDrainsLosesNothingAndWritesTheSummaryKeys() throws Exception {
        Path summary = dir.resolve("out.json");
        DemoResult result;
        try (GatewayRuntime runtime = GatewayRuntime.start(new LaunchOptions(RoleSet.all(), true, dir.resolve("data"),
                Map.of("micronaut.server.port", -1, "grpc.server.port", 0,
                        "eventgateway.demo.summary-interval", "2s",
                        "eventgateway.demo.drain-timeout", "60s",
                        // Fallback writes need the recovery role to come back; keep this run on the primary.
                        "eventgateway.publisher.primary-timeout", "30s")))) {
            await().pollDelay(DURATION).atMost(DURATION.plusSeconds(5)).until(() -> true);
            result = runtime.context().getBean(DemoCompletion.class).finish();
            result.writeJson(summary);
        }

        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        assertThat(fieldNames(json)).containsExactly("duration_s", "throughput_eps", "totals", "priorities");
        assertThat(fieldNames(json.get("totals"))).containsExactly("published", "stored", "stored_primary",
                "stored_alternate", "stored_s3", "processed", "duplicates", "retried", "dlq", "pending", "lost");
        assertThat(fieldNames(json.get("priorities"))).containsExactly("P30", "P20", "P10");
        for (JsonNode priority : json.get("priorities")) {
            assertThat(fieldNames(priority)).containsExactly("published", "processed", "slo_met_pct", "latency_ms");
            assertThat(fieldNames(priority.get("latency_ms"))).containsExactly("p50", "p99", "max");
        }
        assertThat(json.get("totals").get("lost").asLong()).isZero();
        assertThat(json.get("totals").get("pending").asLong()).isZero();
        assertThat(json.get("totals").get("stored").asLong()).isGreaterThan(1_000);
        assertThat(json.get("totals").get("dlq").asLong()).as("poison events").isPositive();
        assertThat(result.exitCode()).isZero();
    }

    private static List<String> fieldNames(JsonNode node) throws IOException {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
