package io.eventgateway.adapters.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class KafkaWriterSettingsProperties {

    @Property(tries = 100)
    void queueingBlockingAndDeliveryTogetherNeverExceedTheDeliveryTimeout(
            @ForAll @LongRange(min = 1, max = 600_000) long deliveryTimeoutMs,
            @ForAll @IntRange(min = 0, max = 1_000) int lingerMs) {
        KafkaWriterSettings settings = validOrNull(deliveryTimeoutMs, lingerMs);
        Assume.that(settings != null);

        assertThat(settings.maxQueueWait().plus(settings.maxBlock()).plus(settings.producerDeliveryTimeout()))
                .isLessThanOrEqualTo(settings.deliveryTimeout());
    }

    @Property(tries = 100)
    void oneRequestFitsInTheProducerDeliveryTimeoutAfterTheLinger(
            @ForAll @LongRange(min = 1, max = 600_000) long deliveryTimeoutMs,
            @ForAll @IntRange(min = 0, max = 1_000) int lingerMs) {
        KafkaWriterSettings settings = validOrNull(deliveryTimeoutMs, lingerMs);
        Assume.that(settings != null);

        assertThat(settings.requestTimeout()).isPositive()
                .isLessThan(settings.producerDeliveryTimeout())
                .isLessThanOrEqualTo(settings.producerDeliveryTimeout().minusMillis(lingerMs));
    }

    /** A refused combination promises nothing; the properties are about the accepted ones. */
    private static KafkaWriterSettings validOrNull(long deliveryTimeoutMs, int lingerMs) {
        try {
            return new KafkaWriterSettings("localhost:9092", "primary", Duration.ofMillis(deliveryTimeoutMs),
                    lingerMs, 1024, "none", Map.of());
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
