package io.eventgateway.adapters.kafka.topics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTopicAdminUnreachableClusterTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void givenNoBrokerAtTheAddress_whenApplied_thenItFailsWithinTheTimeoutNamingTheCluster() throws IOException {
        String nobodyListens = "127.0.0.1:" + closedPort();
        TopicPlan plan = TopicPlan.of(TopicNames.defaults(), TopicSettings.defaults(Duration.ofMinutes(21)));

        try (KafkaTopicAdmin alternate = KafkaTopicAdmin.connect(Cluster.ALTERNATE,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nobodyListens), CALL_TIMEOUT)) {

            assertThatThrownBy(() -> alternate.apply(plan.forCluster(Cluster.ALTERNATE), false))
                    .isInstanceOf(TopicAdminException.class)
                    .hasMessageContaining("ALTERNATE cluster (" + nobodyListens + ")")
                    .hasMessageContaining("no answer within PT1S while listing topics");
        }
    }

    @Test
    void aClientConfigWithoutBootstrapServersIsRefusedNamingTheCluster() {
        assertThatThrownBy(() -> KafkaTopicAdmin.connect(Cluster.PRIMARY, Map.of(), CALL_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRIMARY cluster has no bootstrap.servers");
    }

    /** A port that was free a moment ago and has no listener now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
