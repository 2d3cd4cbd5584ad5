package io.eventgateway.bootstrap.topics;

import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.KafkaTopicAdmin;
import io.eventgateway.adapters.kafka.topics.TopicApplyReport;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.adapters.kafka.topics.TopicPlan;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.PublisherConfig;
import io.eventgateway.bootstrap.config.TopicsConfig;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code topics apply}: creates or validates every topic on the primary cluster and, when configured, the
 * alternate. Idempotent: a second run reports everything unchanged.
 */
@Singleton
public class TopicsApplier {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final TopicPlan plan;
    private final KafkaClusters clusters;

    public TopicsApplier(TopicsConfig topics, PublisherConfig publisher, TopicNames names, KafkaClusters clusters,
            @Value("${eventgateway.embedded-infrastructure:false}") boolean singleNode) {
        this.plan = TopicPlan.of(names, topics.toSettings(publisher.maxDelayAhead(), singleNode));
        this.clusters = clusters;
    }

    public List<TopicApplyReport> apply(boolean dryRun) {
        List<TopicApplyReport> reports = new ArrayList<>();
        reports.add(applyTo(Cluster.PRIMARY, clusters.primary(), dryRun));
        Optional<String> alternate = clusters.alternate();
        alternate.ifPresent(servers -> reports.add(applyTo(Cluster.ALTERNATE, servers, dryRun)));
        return reports;
    }

    private TopicApplyReport applyTo(Cluster cluster, String servers, boolean dryRun) {
        try (KafkaTopicAdmin admin = KafkaTopicAdmin.connect(cluster,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers), CALL_TIMEOUT)) {
            return admin.apply(plan.forCluster(cluster), dryRun);
        }
    }
}
