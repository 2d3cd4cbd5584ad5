package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.bootstrap.config.ProcessorConfig;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInHandlerTest {

    private static ProcessorConfig config(String handler, String url, Duration timeout, int maxBatch) {
        return new ProcessorConfig(List.of(), "p", 8, 100, Duration.ofSeconds(1), false, Duration.ZERO, 0, handler,
                url, timeout, maxBatch);
    }

    @Test
    void theDemoHandlerIsTheDefault() {
        assertThat(BuiltInHandler.from(config(null, null, null, 0))).isEqualTo(new BuiltInHandler.Demo());
        assertThat(BuiltInHandler.from(config("demo", "", null, 0))).isEqualTo(new BuiltInHandler.Demo());
    }

    @Test
    void theHttpHandlerTakesItsUrlTimeoutAndBatchSize() {
        assertThat(BuiltInHandler.from(config(" HTTP ", "https://sink.example/events", Duration.ofSeconds(3), 50)))
                .isEqualTo(new BuiltInHandler.Http(URI.create("https://sink.example/events"), Duration.ofSeconds(3),
                        50));
    }

    @Test
    void anUnknownHandlerNamesTheKeyAndTheValidOnes() {
        assertThatThrownBy(() -> BuiltInHandler.from(config("kafka", null, null, 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eventgateway.processor.handler").hasMessageContaining("'kafka'")
                .hasMessageContaining("demo, http");
    }

    @Test
    void theHttpHandlerWithoutAUrlNamesTheUrlKey() {
        assertThatThrownBy(() -> BuiltInHandler.from(config("http", "", Duration.ofSeconds(1), 10)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eventgateway.processor.http-url is required");
    }

    @Test
    void aUrlThatIsNotAbsoluteHttpIsRefused() {
        assertThatThrownBy(() -> BuiltInHandler.from(config("http", "sink:8080/events", Duration.ofSeconds(1), 10)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("eventgateway.processor.http-url");
    }

    @Test
    void aBatchSizeBelowOneNamesItsKey() {
        assertThatThrownBy(() -> BuiltInHandler.from(config("http", "http://h/e", Duration.ofSeconds(1), 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("eventgateway.processor.http-max-batch");
    }
}
