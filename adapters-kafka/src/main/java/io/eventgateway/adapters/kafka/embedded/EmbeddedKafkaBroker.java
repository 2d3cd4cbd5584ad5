package io.eventgateway.adapters.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), running
 * in this JVM. Used for local runs ({@code --role all}, {@code embedded-broker}) and integration tests.
 *
 * <p>Lifecycle: {@code NEW → RUNNING → CLOSED} (or {@code NEW → CLOSED}). A closed broker is not started
 * again; to restart, build a new one on the same broker port and data directory: the log directory is
 * formatted only when it holds no formatted log yet, so topics and records survive, also after the
 * process was killed.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Startup took 2–5 s on a 2-core machine; recovering a large log after a kill can take longer. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Written by the formatter; its presence means the directory already holds a formatted log. */
    private static final String META_PROPERTIES = "meta.properties";

    private final EmbeddedKafkaSettings settings;
    private Lifecycle lifecycle = Lifecycle.NEW;
    private KafkaRaftServer server;
    private int port;
    private int controllerPort;
    private Path dataDir;
    private boolean ownsDataDir;

    public EmbeddedKafkaBroker(EmbeddedKafkaSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    /**
     * Formats the data directory if needed, starts the broker and returns once it answers an admin client.
     *
     * @throws EmbeddedKafkaException naming the port and data directory when the broker does not come up
     */
    public synchronized EmbeddedKafkaBroker start() {
        moveTo(Lifecycle.RUNNING);
        try {
            dataDir = prepareDataDir();
            int wantedControllerPort = settings.controllerPort() != 0
                    ? settings.controllerPort() : ControllerPortFile.read(dataDir).orElse(0);
            BrokerPorts ports = BrokerPorts.resolve(settings.brokerPort(), wantedControllerPort);
            port = ports.broker();
            controllerPort = ports.controller();
            ControllerPortFile.write(dataDir, controllerPort);
            Properties props = SingleNodeBrokerConfig.of(port, controllerPort, dataDir, settings.extraProperties());
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            formatIfNeeded(config);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady();
            LOG.info("Embedded Kafka broker listening on {} (controller port {}, data dir {})",
                    bootstrapServers(), controllerPort, dataDir);
            return this;
        } catch (Exception e) {
            // Exception, not RuntimeException: Kafka's Scala code throws checked exceptions undeclared.
            EmbeddedKafkaException failure = new EmbeddedKafkaException(
                    "embedded Kafka broker failed to start on port " + describePort() + " with data dir "
                            + describeDataDir() + ": " + e.getMessage(), e);
            try {
                close();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** {@code host:port} of the client listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return SingleNodeBrokerConfig.HOST + ":" + port();
    }

    /** The client listener port; known once {@link #start()} has run, and kept after close for a restart. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("the broker port is chosen at start; start() was not called");
        }
        return port;
    }

    /** The KRaft controller listener port; known once {@link #start()} has run. */
    public synchronized int controllerPort() {
        if (controllerPort == 0) {
            throw new IllegalStateException("the controller port is chosen at start; start() was not called");
        }
        return controllerPort;
    }

    /** The log directory; known once {@link #start()} has run. */
    public synchronized Path dataDir() {
        if (dataDir == null) {
            throw new IllegalStateException("the data dir is chosen at start; start() was not called");
        }
        return dataDir;
    }

    /** Shuts the broker down and waits for it; deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (lifecycle == Lifecycle.CLOSED) {
            return;
        }
        moveTo(Lifecycle.CLOSED);
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (ownsDataDir && dataDir != null) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                throw new EmbeddedKafkaException("cannot delete the temporary data dir " + dataDir, e);
            }
        }
    }

    private Path prepareDataDir() {
        try {
            if (settings.dataDir() == null) {
                ownsDataDir = true;
                return Files.createTempDirectory("embedded-kafka-");
            }
            return Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new EmbeddedKafkaException("cannot create the data dir " + describeDataDir(), e);
        }
    }

    private void formatIfNeeded(KafkaConfig config) {
        if (Files.exists(dataDir.resolve(META_PROPERTIES))) {
            return;
        }
        Formatter formatter = new Formatter()
                // The formatter reports to a stream; nothing in it is worth more than the start log line.
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(SingleNodeBrokerConfig.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName(SingleNodeBrokerConfig.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(new ArrayList<>(config.logDirs()));
        try {
            formatter.run();
        } catch (Exception e) {
            throw new EmbeddedKafkaException("cannot format the log dir " + dataDir, e);
        }
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new EmbeddedKafkaException("the broker answered but lists no live node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for the broker to accept connections", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedKafkaException("the broker did not accept connections within " + READY_TIMEOUT, e);
        }
    }

    private String describePort() {
        return port != 0 ? String.valueOf(port) : settings.brokerPort() == 0 ? "(free)" : String.valueOf(settings.brokerPort());
    }

    private String describeDataDir() {
        return dataDir != null ? dataDir.toString() : settings.dataDir() == null ? "(temporary)" : settings.dataDir().toString();
    }

    private void moveTo(Lifecycle next) {
        if (!lifecycle.canMoveTo(next)) {
            throw new IllegalStateException("embedded Kafka broker cannot go from " + lifecycle + " to " + next
                    + "; build a new one to restart");
        }
        lifecycle = next;
    }

    private enum Lifecycle {
        /** Built; nothing bound or written yet. */
        NEW,
        /** Started (or starting) and serving clients. */
        RUNNING,
        /** Shut down for good; a restart is a new instance on the same port and data dir. */
        CLOSED;

        boolean canMoveTo(Lifecycle next) {
            return switch (this) {
                case NEW -> next == RUNNING || next == CLOSED;
                case RUNNING -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }
}
