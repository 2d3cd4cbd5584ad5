package io.eventgateway.bootstrap.recovery;

import io.eventgateway.adapters.kafka.recovery.FailedWriteFeedSettings;
import io.eventgateway.adapters.kafka.recovery.KafkaFailedWriteFeed;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.recovery.DrainStep;
import io.eventgateway.application.recovery.FailedWritesDrain;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.role.RecoveryRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery role: one thread drains the alternate cluster's failed-writes topic back to the primary's lane
 * topics, batch by batch (see {@link FailedWritesDrain}), backing off while the primary refuses them. It runs
 * wherever the role runs and an alternate cluster is configured; several recovery processes share the work through
 * their consumer group.
 */
@Context
@RecoveryRole
@Requires(property = "eventgateway.kafka.alternate.bootstrap-servers")
public class FailedWritesDrainLoop {

    private static final Logger LOG = LoggerFactory.getLogger(FailedWritesDrainLoop.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final StoppablePause pause = new StoppablePause();
    private final RedriveKit kit;
    private final KafkaFailedWriteFeed feed;
    private final FailedWritesDrain drain;
    private final Thread thread;

    public FailedWritesDrainLoop(RecoveryConfig config, KafkaClusters clusters, TopicNames names,
            StoredRecordCodec codec, Clock clock, MeterRegistry registry,
            @Value("${eventgateway.topics.orchestrator-replicas}") int replicas,
            @Value("${eventgateway.flow-control.stale-after}") Duration staleAfter) {
        MicrometerRecoveryMetrics metrics = new MicrometerRecoveryMetrics(registry);
        this.kit = new RedriveKit(config, clusters.primary(), names, codec, clock, replicas, staleAfter, pause,
                metrics);
        String alternate = clusters.alternate().orElseThrow();
        try {
            this.feed = new KafkaFailedWriteFeed(new FailedWriteFeedSettings(alternate, config.groupId(),
                    config.pollTimeout(), config.batchSize(), config.commitTimeout()), names, codec, metrics);
        } catch (RuntimeException e) {
            kit.close();
            throw e;
        }
        this.drain = new FailedWritesDrain(feed, kit.redriver(), metrics, config.backoff(), config.ackTimeout());
        this.thread = new Thread(this::run, "eg-recovery-drain");
        thread.setDaemon(true);
        thread.start();
        LOG.info("recovery: draining {} on the alternate cluster {} to the primary {} (group {}, at most {}/s)",
                names.failedWrites(), alternate, clusters.primary(), config.groupId(), config.rate());
    }

    private void run() {
        boolean failing = false;
        try {
            while (!pause.isStopped()) {
                DrainStep step = step();
                if (step instanceof DrainStep.Failed failed) {
                    if (!failing) {
                        LOG.warn("recovery: the primary did not take redriven failed writes ({}); retrying with"
                                + " backoff until it does", failed.reason());
                    }
                    failing = true;
                    pause.pause(failed.backoff());
                } else if (step instanceof DrainStep.Drained drained && failing) {
                    failing = false;
                    LOG.info("recovery: the primary takes redriven failed writes again ({} in this batch)",
                            drained.redriven());
                }
            }
        } catch (InterruptedException stopping) {
            // stop() ended a wait: the loop is over.
        } finally {
            feed.close();
        }
    }

    /** One drain step; an unexpected failure is logged and retried after the longest backoff, never fatal. */
    private DrainStep step() throws InterruptedException {
        try {
            return drain.drainOnce();
        } catch (RuntimeException e) {
            LOG.error("recovery: draining failed writes failed unexpectedly; trying again", e);
            return new DrainStep.Failed(e.toString(), Duration.ofSeconds(1));
        }
    }

    @PreDestroy
    void stop() {
        pause.stop();
        feed.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kit.close();
        }
    }
}
