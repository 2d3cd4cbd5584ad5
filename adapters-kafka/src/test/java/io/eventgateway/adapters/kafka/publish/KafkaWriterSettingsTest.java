package io.eventgateway.adapters.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaWriterSettingsTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private static KafkaWriterSettings settings(Duration deliveryTimeout, Map<String, String> extra) {
        return new KafkaWriterSettings("localhost:9092", "primary", deliveryTimeout, 5, 65_536, "lz4", extra);
    }

    @Test
    void theProducerIsIdempotentAndWaitsForEveryInSyncReplica() {
        Map<String, Object> props = settings(TWO_SECONDS, Map.of()).producerProperties("eg-writer-primary-p30");

        assertThat(props).contains(
                entry(ProducerConfig.ACKS_CONFIG, "all"),
                entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                entry(ProducerConfig.CLIENT_ID_CONFIG, "eg-writer-primary-p30"),
                entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"));
    }

    @Test
    void lingerBatchAndCompressionComeFromTheSettings() {
        Map<String, Object> props = settings(TWO_SECONDS, Map.of()).producerProperties("id");

        assertThat(props).contains(
                entry(ProducerConfig.LINGER_MS_CONFIG, 5),
                entry(ProducerConfig.BATCH_SIZE_CONFIG, 65_536),
                entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
    }

    @Test
    void aTwoSecondBudgetAllowsHalfASecondOfQueueingHalfASecondOfBlockingAndOneSecondOfDelivery() {
        Map<String, Object> props = settings(TWO_SECONDS, Map.of()).producerProperties("id");

        assertThat(props).contains(
                entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500L),
                entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_000),
                entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 995));
        assertThat(settings(TWO_SECONDS, Map.of()).maxQueueWait()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void extraPropertiesReachTheProducer() {
        Map<String, Object> props = settings(TWO_SECONDS, Map.of("buffer.memory", "1048576"))
                .producerProperties("id");

        assertThat(props).containsEntry("buffer.memory", "1048576");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acks", "enable.idempotence", "delivery.timeout.ms", "max.block.ms",
            "request.timeout.ms", "partitioner.class", "linger.ms"})
    void anExtraPropertyTheWriterOwnsIsRefused(String owned) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(TWO_SECONDS, Map.of(owned, "1")))
                .withMessageContaining(owned);
    }

    @Test
    void anUnknownCompressionIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaWriterSettings("localhost:9092", "primary", TWO_SECONDS, 5, 1024,
                        "brotli", Map.of()))
                .withMessageContaining("compression");
    }

    @Test
    void aDeliveryTimeoutThatLeavesNoTimeAfterTheLingerIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KafkaWriterSettings("localhost:9092", "primary", Duration.ofMillis(100), 50,
                        1024, "none", Map.of()))
                .withMessageContaining("lingerMs");
    }

    @Test
    void aBlankBootstrapServersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaWriterSettings.defaults(" ", "primary", TWO_SECONDS))
                .withMessageContaining("bootstrapServers");
    }

    @Test
    void theLz4LibraryTheDefaultCompressionNeedsIsOnTheClasspath() throws ClassNotFoundException {
        assertThat(KafkaWriterSettings.defaults("localhost:9092", "primary", TWO_SECONDS).compression())
                .isEqualTo("lz4");
        assertThat(Class.forName("net.jpountz.lz4.LZ4Factory")).isNotNull();
    }
}
