package io.eventgateway.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.bootstrap.role.RoleSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
                Map.of("micronaut.server.port", -1)));
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
}
