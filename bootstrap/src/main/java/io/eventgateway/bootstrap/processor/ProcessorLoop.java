package io.eventgateway.bootstrap.processor;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.ProcessorConfig;
import io.eventgateway.bootstrap.role.ProcessorRole;
import io.eventgateway.sdk.processor.ProcessorRunner;
import io.eventgateway.sdk.processor.ProcessorStats;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor role: the SDK's runner with the built-in demo handler, leasing from the configured orchestrators or,
 * when none are configured, from this process's own gRPC server. Started once the gRPC port is known.
 */
@Singleton
@ProcessorRole
public class ProcessorLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLoop.class);

    private final ProcessorConfig config;
    private final KafkaClusters clusters;
    private final TopicNames names;
    private final HandledEvents handled;
    private final Clock clock;
    private ProcessorRunner runner;

    public ProcessorLoop(ProcessorConfig config, KafkaClusters clusters, TopicNames names, HandledEvents handled,
            Clock clock) {
        this.config = config;
        this.clusters = clusters;
        this.names = names;
        this.handled = handled;
        this.clock = clock;
    }

    /** Starts leasing; {@code localGrpcPort} is used when no orchestrators are configured. */
    public synchronized void start(int localGrpcPort) {
        List<String> targets = Optional.ofNullable(config.orchestrators()).filter(list -> !list.isEmpty())
                .orElse(List.of("localhost:" + localGrpcPort));
        ProcessorRunner.Builder builder = ProcessorRunner.builder()
                .usePlaintext()
                .handler(new DemoEventHandler(config.demoLatency(), config.demoRetryRate(), 11, clock, handled))
                .responseTopic(clusters.primary(), names.prefix())
                .processorId(config.processorId())
                .concurrency(Math.max(config.concurrency(), targets.size()))
                .maxTasksPerFetch(config.maxTasksPerFetch())
                .longPollWait(config.longPollWait())
                .dryRun(config.dryRun());
        targets.forEach(builder::target);
        runner = builder.build().start();
        LOG.info("processor {} leasing from {} with the demo handler", config.processorId(), targets);
    }

    public synchronized Optional<ProcessorStats> stats() {
        return Optional.ofNullable(runner).map(ProcessorRunner::stats);
    }

    @PreDestroy
    synchronized void stop() {
        if (runner != null) {
            runner.close();
        }
    }
}
