package io.eventgateway.bootstrap.runtime;

import io.eventgateway.bootstrap.demo.DemoLoad;
import io.eventgateway.bootstrap.local.LocalInfrastructure;
import io.eventgateway.bootstrap.processor.ProcessorLoop;
import io.eventgateway.bootstrap.role.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway process: the Micronaut context for its roles and, when no Kafka cluster is configured and
 * every role runs here, the embedded infrastructure it stands on. Closing it stops the context first, then the
 * infrastructure, so no role outlives the broker it writes to.
 */
public final class GatewayRuntime implements AutoCloseable {

    /** The property that says which Kafka cluster is primary (micronaut-kafka's own key). */
    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    private static final String GRPC_SERVER_ENABLED = "grpc.server.enabled";
    /** The demo handler's ledger file. */
    public static final String DEMO_LEDGER = "eventgateway.processor.demo-ledger";
    /** Where the demo load records the events the publisher stored. */
    public static final String DEMO_RECORD = "eventgateway.demo.record";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRuntime.class);

    private final ApplicationContext context;
    private final LocalInfrastructure infrastructure;
    private final DemoFiles demoFiles;

    private GatewayRuntime(ApplicationContext context, LocalInfrastructure infrastructure, DemoFiles demoFiles) {
        this.context = context;
        this.infrastructure = infrastructure;
        this.demoFiles = demoFiles;
    }

    public static GatewayRuntime start(LaunchOptions options) {
        String[] environments = options.roles().environmentNames();
        Map<String, Object> properties = new HashMap<>(options.properties());
        properties.put("eventgateway.demo.enabled", options.demo());
        if (!options.roles().has(Role.PUBLISHER) && !options.roles().has(Role.ORCHESTRATOR)) {
            // Only ingest and Tasks are served over gRPC: a processor or recovery process keeps the port free.
            properties.putIfAbsent(GRPC_SERVER_ENABLED, false);
        }
        DemoFiles demoFiles = options.demo() ? DemoFiles.under(options.dataDir()) : null;
        if (demoFiles != null) {
            properties.putIfAbsent(DEMO_LEDGER, demoFiles.ledger().toString());
            properties.putIfAbsent(DEMO_RECORD, demoFiles.record().toString());
            LOG.info("demo: stored events recorded in {}, the handler's ledger in {}{}", properties.get(DEMO_RECORD),
                    properties.get(DEMO_LEDGER), demoFiles.temporary() ? " (temporary: --data-dir keeps them)" : "");
        }
        LocalInfrastructure infrastructure = null;
        if (configuredBrokers(environments, properties).isEmpty()) {
            if (!options.roles().isAll()) {
                throw new IllegalStateException("no Kafka cluster configured for --role " + options.roles()
                        + ": set KAFKA_BOOTSTRAP_SERVERS (or kafka.bootstrap.servers), or run --role all for the"
                        + " embedded one");
            }
            try {
                infrastructure = LocalInfrastructure.start(options.dataDir());
            } catch (RuntimeException e) {
                deleteQuietly(demoFiles, e);
                throw e;
            }
            properties.putAll(infrastructure.properties());
        }
        ApplicationContext context = null;
        try {
            context = ApplicationContext.builder()
                    .deduceEnvironment(false)
                    .banner(false)
                    .environments(environments)
                    .properties(properties)
                    .start();
            startServersAndProcessor(context, options);
            return new GatewayRuntime(context, infrastructure, demoFiles);
        } catch (RuntimeException e) {
            if (context != null && context.isRunning()) {
                context.close();
            }
            if (infrastructure != null) {
                infrastructure.close();
            }
            deleteQuietly(demoFiles, e);
            throw e;
        }
    }

    private static void startServersAndProcessor(ApplicationContext context, LaunchOptions options) {
        context.findBean(EmbeddedServer.class).ifPresent(server -> {
            server.start();
            LOG.info("roles {} serving HTTP on port {}", options.roles(), server.getPort());
        });
        // The processor leases over gRPC, from this process's own server unless others are configured: it starts
        // last, once that server's port is known.
        context.findBean(ProcessorLoop.class).ifPresent(loop -> loop.start(
                context.findBean(GrpcEmbeddedServer.class).map(GrpcEmbeddedServer::getPort).orElse(-1)));
        context.findBean(DemoLoad.class).ifPresent(DemoLoad::start);
    }

    private static Optional<String> configuredBrokers(String[] environments, Map<String, Object> properties) {
        // A throwaway environment reads every property source (files, env vars, system properties) the real
        // context will read, so the decision to start embedded infrastructure matches what the roles will see.
        try (ApplicationContext probe = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments(environments)
                .properties(properties)
                .build()) {
            probe.getEnvironment().start();
            return probe.getEnvironment().getProperty(KAFKA_BOOTSTRAP_SERVERS, String.class)
                    .filter(servers -> !servers.isBlank());
        }
    }

    public ApplicationContext context() {
        return context;
    }

    /** The HTTP port, once started. */
    public int httpPort() {
        return context.findBean(EmbeddedServer.class).map(EmbeddedServer::getPort).orElse(-1);
    }

    public Optional<LocalInfrastructure> infrastructure() {
        return Optional.ofNullable(infrastructure);
    }

    @Override
    public void close() {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            try {
                if (infrastructure != null) {
                    infrastructure.close();
                }
            } finally {
                if (demoFiles != null) {
                    demoFiles.deleteIfTemporary();
                }
            }
        }
    }

    private static void deleteQuietly(DemoFiles demoFiles, RuntimeException cause) {
        if (demoFiles == null) {
            return;
        }
        try {
            demoFiles.deleteIfTemporary();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
