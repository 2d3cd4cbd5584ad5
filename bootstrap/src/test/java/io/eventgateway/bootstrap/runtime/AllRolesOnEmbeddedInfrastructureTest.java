package io.eventgateway.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.bootstrap.processor.ProcessorLoop;
import io.eventgateway.bootstrap.role.RoleSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --role all} with no cluster configured stands on its own embedded brokers and S3. */
class AllRolesOnEmbeddedInfrastructureTest {

    private static GatewayRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = GatewayRuntime.start(new LaunchOptions(RoleSet.all(), false, null,
                Map.of("micronaut.server.port", -1, "grpc.server.port", 0,
                        "eventgateway.processor.demo-retry-rate", 0.0)));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void startsEmbeddedPrimaryAndAlternateBrokersAndS3() {
        assertThat(runtime.infrastructure()).isPresent();
        assertThat(runtime.infrastructure().get().primaryBootstrapServers())
                .isNotEqualTo(runtime.infrastructure().get().alternateBootstrapServers());
        assertThat(runtime.context().getEnvironment().getActiveNames())
                .contains("publisher", "orchestrator", "processor", "recovery");
    }

    @Test
    void reportsReadinessOnHealth() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.httpPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("kafka");
    }

    @Test
    void eventsPublishedOverHttpAreProcessedByTheInProcessProcessorAndAcked() throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            events.append(i == 0 ? "" : ",").append("{\"company_id\":\"acme\",\"source_name\":\"shop\","
                    + "\"event_type\":\"order.created\",\"priority\":\"P30\",\"payload_json\":{\"n\":" + i + "}}");
        }
        HttpResponse<String> published = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.httpPort() + "/v1/events"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + events + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body().split("\"STORED\"", -1)).hasSize(51);

        DispatchService dispatch = runtime.context().getBean(DispatchService.class);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(dispatch.status().counters().acks()).isGreaterThanOrEqualTo(50));
        ProcessorLoop processor = runtime.context().getBean(ProcessorLoop.class);
        assertThat(processor.stats()).hasValueSatisfying(stats -> assertThat(stats.acked()).isGreaterThanOrEqualTo(50));
    }
}
