package io.eventgateway.adapters.kafka.testing;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;

/**
 * The one embedded broker of a test JVM, shared by every integration test in every module. It starts on
 * first use and stops when the JVM exits. Tests keep out of each other's way with {@link TestTopics}
 * names; tests that stop or kill a broker start their own {@link EmbeddedKafkaBroker} instead.
 */
public final class SharedKafkaBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedKafkaBroker() {
    }

    /** Starts the shared broker if this is the first call in the JVM, and returns its bootstrap servers. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    private static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(EmbeddedKafkaSettings.defaults()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-broker-shutdown"));
            broker = started;
        }
        return broker;
    }
}
