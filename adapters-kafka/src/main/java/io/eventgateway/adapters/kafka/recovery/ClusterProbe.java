package io.eventgateway.adapters.kafka.recovery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Asks a cluster for its id before an admin command starts work on it, so an unreachable cluster is one clear error
 * up front instead of a failed write per record.
 */
public final class ClusterProbe {

    private ClusterProbe() {
    }

    /** @throws ClusterUnreachableException naming the cluster and its address when it does not answer in time */
    public static void requireReachable(String clusterName, String bootstrapServers, Duration timeout)
            throws InterruptedException {
        int timeoutMs = (int) Math.max(1, timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "eg-probe-" + clusterName,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new ClusterUnreachableException("the " + clusterName + " Kafka cluster at " + bootstrapServers
                    + " did not answer within " + timeout, e);
        }
    }
}
