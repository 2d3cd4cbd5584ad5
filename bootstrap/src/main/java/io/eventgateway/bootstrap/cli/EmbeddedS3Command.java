package io.eventgateway.bootstrap.cli;

import io.eventgateway.adapters.s3.embedded.EmbeddedS3Server;
import io.eventgateway.adapters.s3.embedded.EmbeddedS3Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** An S3-compatible server as its own process, restartable on the same port and data. */
@Command(name = "embedded-s3", mixinStandardHelpOptions = true,
        description = "Run an S3-compatible server in this process until stopped.")
final class EmbeddedS3Command implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: a free one).")
    private int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where objects are kept across restarts (default: in memory).")
    private Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedS3Server server = new EmbeddedS3Server(EmbeddedS3Settings.defaults().withPort(port)
                .withDataDir(dataDir)).start();
        return ForegroundService.runUntilStopped(spec, server, "embedded-s3: S3 API on " + server.endpoint()
                + " (access key " + server.settings().accessKey() + ", region " + server.settings().region() + ")");
    }
}
