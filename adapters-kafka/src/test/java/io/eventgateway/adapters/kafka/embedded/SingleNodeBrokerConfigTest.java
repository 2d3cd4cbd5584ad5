package io.eventgateway.adapters.kafka.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SingleNodeBrokerConfigTest {

    private static final Path LOG_DIR = Path.of("/tmp/kafka-logs");

    @Test
    void theNodeIsBrokerAndSoleControllerVoterOnTheControllerPort() {
        Properties props = SingleNodeBrokerConfig.of(19092, 19093, LOG_DIR, Map.of());

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092");
    }

    @Test
    void everyInternalTopicHasOneReplicaAndAMinIsrOfOne() {
        Properties props = SingleNodeBrokerConfig.of(19092, 19093, LOG_DIR, Map.of());

        assertThat(props)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void topicsAreNeverCreatedAutomatically() {
        assertThat(SingleNodeBrokerConfig.of(19092, 19093, LOG_DIR, Map.of()))
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void extraPropertiesOverrideTheSingleNodeDefaults() {
        Properties props = SingleNodeBrokerConfig.of(19092, 19093, LOG_DIR,
                Map.of("offset.metadata.max.bytes", "8192", "num.io.threads", "2"));

        assertThat(props)
                .containsEntry("offset.metadata.max.bytes", "8192")
                .containsEntry("num.io.threads", "2");
    }
}
