package io.eventgateway.bootstrap.processor;

import io.eventgateway.bootstrap.config.ProcessorConfig;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/** The built-in handler {@code eventgateway.processor.handler} selects, with the settings it needs, checked. */
sealed interface BuiltInHandler {

    String KEY = "eventgateway.processor.handler";
    String URL_KEY = "eventgateway.processor.http-url";
    String TIMEOUT_KEY = "eventgateway.processor.http-timeout";
    String MAX_BATCH_KEY = "eventgateway.processor.http-max-batch";

    /** {@code demo}: configurable latency and retry rate, refuses poison events. */
    record Demo() implements BuiltInHandler {
    }

    /** {@code http}: forwards batches of up to {@code maxBatch} events to {@code url}. */
    record Http(URI url, Duration timeout, int maxBatch) implements BuiltInHandler {
    }

    /** @throws ConfigurationException naming the key that is missing or wrong */
    static BuiltInHandler from(ProcessorConfig config) {
        String name = config.handler() == null ? "demo" : config.handler().trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "demo":
                return new Demo();
            case "http":
                return http(config);
            default:
                throw new ConfigurationException(KEY + ": unknown handler '" + config.handler()
                        + "' (valid: demo, http)");
        }
    }

    private static Http http(ProcessorConfig config) {
        if (config.httpUrl() == null || config.httpUrl().isBlank()) {
            throw new ConfigurationException(URL_KEY + " is required when " + KEY + " is http");
        }
        URI url;
        try {
            url = new URI(config.httpUrl().trim());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(URL_KEY + ": not a URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
            throw new ConfigurationException(URL_KEY + ": must be an absolute http(s) URL, was '" + url + "'");
        }
        Duration timeout = config.httpTimeout();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(TIMEOUT_KEY + ": must be positive, was " + timeout);
        }
        if (config.httpMaxBatch() < 1) {
            throw new ConfigurationException(MAX_BATCH_KEY + ": must be at least 1, was " + config.httpMaxBatch());
        }
        return new Http(url, timeout, config.httpMaxBatch());
    }
}
