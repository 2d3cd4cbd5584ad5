package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.application.flow.FlowControlPublisher;
import io.eventgateway.bootstrap.config.FlowControlConfig;
import io.eventgateway.bootstrap.role.OrchestratorRole;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the replica's P10 congestion state every flow-control interval, started with the role. It is never
 * paused with the lanes it reports on: a replica too full to poll P10 is exactly the one publishers must hear from.
 * Shutdown only stops the schedule; publishers see the state go stale and hold their P10 rate.
 */
@Context
@OrchestratorRole
public class FlowControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(FlowControlLoop.class);

    private final FlowControlPublisher publisher;
    private final int replicaIndex;
    private final ScheduledFuture<?> schedule;

    public FlowControlLoop(FlowControlPublisher publisher, ReplicaIdentity identity, FlowControlConfig config,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.publisher = publisher;
        this.replicaIndex = identity.index();
        this.schedule = scheduler.scheduleAtFixedRate(config.interval(), config.interval(), this::tick);
        LOG.info("replica {} publishes its P10 congestion state every {}", replicaIndex, config.interval());
    }

    private void tick() {
        try {
            publisher.tick();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep publishing.
            LOG.error("flow control of replica {} failed this interval", replicaIndex, e);
        }
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }
}
