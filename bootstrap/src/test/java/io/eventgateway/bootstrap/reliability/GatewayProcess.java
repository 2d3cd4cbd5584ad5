package io.eventgateway.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventgateway.bootstrap.EventGatewayMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code event-gateway} child JVM started from the test classpath (the jar is not built during the test phase),
 * with {@code -D} properties, its output in a log file, ready once a given line appears; {@link #kill} is SIGKILL.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;

    private GatewayProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code event-gateway ARGS} and waits until its log shows {@code readyLine}. */
    static GatewayProcess start(String name, Path logDir, String heap, Map<String, String> properties,
            String readyLine, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EventGatewayMain.class.getName()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(logDir, name, ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            GatewayProcess started = new GatewayProcess(name, process, log);
            try {
                await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                    assertThat(process.isAlive()).as("%s is alive; its log: %s", name, log).isTrue();
                    return Files.readString(log).contains(readyLine);
                });
            } catch (RuntimeException | AssertionError e) {
                started.kill();
                throw e;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL (what {@link Process#destroyForcibly} is on Linux), then waits for the process to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
