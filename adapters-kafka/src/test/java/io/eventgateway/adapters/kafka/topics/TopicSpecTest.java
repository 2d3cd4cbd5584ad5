package io.eventgateway.adapters.kafka.topics;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicSpecTest {

    @Test
    void aNameKafkaWouldRejectIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSpec("eg/p30", 8, 3, Map.of(), Cluster.PRIMARY))
                .withMessageContaining("eg/p30");
    }

    @Test
    void zeroPartitionsAreRefusedNamingTheTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TopicSpec("eg.p30", 0, 3, Map.of(), Cluster.PRIMARY))
                .withMessage("partitions of eg.p30 must be >= 1, was 0");
    }

    @Test
    void theConfigsAreACopy() {
        Map<String, String> configs = new HashMap<>(Map.of("cleanup.policy", "delete"));
        TopicSpec spec = new TopicSpec("eg.p30", 8, 3, configs, Cluster.PRIMARY);

        configs.put("cleanup.policy", "compact");

        assertThat(spec.configs()).containsEntry("cleanup.policy", "delete");
    }
}
