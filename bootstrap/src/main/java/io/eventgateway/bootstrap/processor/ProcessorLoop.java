package io.eventgateway.bootstrap.processor;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.bootstrap.common.KafkaClusters;
import io.eventgateway.bootstrap.config.ProcessorConfig;
import io.eventgateway.bootstrap.role.ProcessorRole;
import io.eventgateway.bootstrap.role.Role;
import io.eventgateway.sdk.processor.ProcessorRunner;
import io.eventgateway.sdk.processor.ProcessorStats;
import io.eventgateway.sdk.processor.http.HttpForwardingHandler;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor role: the SDK's runner with the built-in handler {@code eventgateway.processor.handler} selects,
 * leasing from the configured orchestrators or, when none are configured and the orchestrator role runs here, from
 * this process's own gRPC server. Started once the gRPC port is known. Responses go to the primary cluster's
 * response topic ({@code kafka.bootstrap.servers}), so a remote processor needs that cluster's address too.
 */
@Singleton
@ProcessorRole
public class ProcessorLoop {

    static final String ORCHESTRATORS_KEY = "eventgateway.processor.orchestrators";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLoop.class);

    private final ProcessorConfig config;
    private final KafkaClusters clusters;
    private final TopicNames names;
    private final HandledEvents handled;
    private final Clock clock;
    private final boolean orchestratorHere;
    private ProcessorRunner runner;

    public ProcessorLoop(ProcessorConfig config, KafkaClusters clusters, TopicNames names, HandledEvents handled,
            Clock clock, Environment environment) {
        this.config = config;
        this.clusters = clusters;
        this.names = names;
        this.handled = handled;
        this.clock = clock;
        this.orchestratorHere = environment.getActiveNames().contains(Role.ORCHESTRATOR.environmentName());
    }

    private static List<OrchestratorAddress> configuredOrchestrators(ProcessorConfig config) {
        List<OrchestratorAddress> addresses = new ArrayList<>();
        for (String text : Optional.ofNullable(config.orchestrators()).orElse(List.of())) {
            try {
                addresses.add(OrchestratorAddress.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(ORCHESTRATORS_KEY + ": " + e.getMessage());
            }
        }
        return List.copyOf(addresses);
    }

    /**
     * Starts leasing; {@code localGrpcPort} is used when no orchestrators are configured.
     *
     * @throws ConfigurationException naming the key when the configuration cannot work; thrown here rather than by
     *                                the constructor so the command line shows the message alone
     */
    public synchronized void start(int localGrpcPort) {
        BuiltInHandler handler = BuiltInHandler.from(config);
        List<OrchestratorAddress> orchestrators = configuredOrchestrators(config);
        if (orchestrators.isEmpty() && !orchestratorHere) {
            throw new ConfigurationException(ORCHESTRATORS_KEY + " (--orchestrators host:port,...) is required when"
                    + " the orchestrator role does not run in this process");
        }
        List<String> targets = orchestrators.isEmpty()
                ? List.of("localhost:" + localGrpcPort)
                : orchestrators.stream().map(OrchestratorAddress::toString).toList();
        ProcessorRunner.Builder builder = ProcessorRunner.builder()
                .usePlaintext()
                .responseTopic(clusters.primary(), names.prefix())
                .processorId(config.processorId())
                .concurrency(Math.max(config.concurrency(), targets.size()))
                .maxTasksPerFetch(config.maxTasksPerFetch())
                .longPollWait(config.longPollWait())
                .dryRun(config.dryRun());
        if (handler instanceof BuiltInHandler.Http http) {
            builder.batchHandler(new HttpForwardingHandler(http.url(), http.timeout(), clock), http.maxBatch());
        } else {
            builder.handler(new DemoEventHandler(config.demoLatency(), config.demoRetryRate(), 11, clock, handled));
        }
        targets.forEach(builder::target);
        runner = builder.build().start();
        LOG.info("processor {} leasing from {} with the {} handler", config.processorId(), targets, describe(handler));
    }

    private static String describe(BuiltInHandler handler) {
        return handler instanceof BuiltInHandler.Http http ? "http (" + http.url() + ")" : "demo";
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
