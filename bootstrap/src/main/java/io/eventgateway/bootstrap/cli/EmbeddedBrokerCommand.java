package io.eventgateway.bootstrap.cli;

import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaBroker;
import io.eventgateway.adapters.kafka.embedded.EmbeddedKafkaSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A real single-node KRaft broker as its own process, so fault tests can kill -9 it and start it again on the same
 * port and data.
 */
@Command(name = "embedded-broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka (KRaft) broker in this process until stopped.")
final class EmbeddedBrokerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Broker port (default: a free one).")
    private int port;

    @Option(names = "--controller-port", paramLabel = "PORT",
            description = "Controller port (default: the one this data directory used before, else a free one).")
    private int controllerPort;

    @Option(names = "--data", paramLabel = "DIR", description = "Log directory, kept across restarts "
            + "(default: a temporary one, deleted on exit).")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(new EmbeddedKafkaSettings(port, controllerPort, dataDir,
                null)).start();
        return ForegroundService.runUntilStopped(spec, broker,
                "embedded-broker: Kafka on " + broker.bootstrapServers() + " (data " + broker.dataDir() + ")");
    }
}
