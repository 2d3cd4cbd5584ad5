package io.eventgateway.adapters.kafka.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How a publisher reads the flow-control topic.
 *
 * @param pollTimeout             how long one poll waits for signals; also the pause before trying again after an
 *                                error (the cluster down, the topic not created yet)
 * @param closeTimeout            how long {@code close()} waits for the poll thread to finish
 * @param extraConsumerProperties more consumer configs (security, ...); those the source owns are refused
 */
public record KafkaFlowSignalSourceSettings(
        String bootstrapServers,
        Duration pollTimeout,
        Duration closeTimeout,
        Map<String, String> extraConsumerProperties) {

    /** No group: every publisher reads every partition from the beginning, and nothing is committed. */
    private static final List<String> OWNED_CONFIGS = List.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

    public KafkaFlowSignalSourceSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(closeTimeout, "closeTimeout");
        extraConsumerProperties = extraConsumerProperties == null ? Map.of() : Map.copyOf(extraConsumerProperties);
        Set<String> refused = new TreeSet<>(extraConsumerProperties.keySet());
        refused.retainAll(OWNED_CONFIGS);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("extraConsumerProperties must not set " + refused
                    + ": the flow-signal source owns them");
        }
    }

    /** Polls of one second, close within ten, no extra properties. */
    public static KafkaFlowSignalSourceSettings defaults(String bootstrapServers) {
        return new KafkaFlowSignalSourceSettings(bootstrapServers, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Map.of());
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
