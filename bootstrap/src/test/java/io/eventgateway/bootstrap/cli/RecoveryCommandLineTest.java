package io.eventgateway.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The recovery commands' help, usage errors (exit 2) and unreachable-cluster failures (exit 1, one line). */
class RecoveryCommandLineTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @AfterEach
    void clearProperties() {
        System.clearProperty("kafka.bootstrap.servers");
        System.clearProperty("eventgateway.recovery.request-timeout");
    }

    private int run(String... args) {
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay-s3", "dlq", "dlq inspect", "dlq redrive"})
    void everyRecoveryCommandHasHelpAndExitsZero(String command) {
        int exit = run((command + " --help").split(" "));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage:");
    }

    @Test
    void aBadTimeIsAUsageErrorNamingTheOptionAndTheFormat() {
        int exit = run("dlq", "redrive", "--from", "yesterday");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--from").contains("ISO-8601");
    }

    @Test
    void toBeforeFromIsAUsageError() {
        int exit = run("replay-s3", "--from", "2026-01-02T00:00:00Z", "--to", "2026-01-01T00:00:00Z");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--to");
    }

    @Test
    void dlqWithoutASubcommandIsAUsageError() {
        assertThat(run("dlq")).isEqualTo(2);
        assertThat(err.toString()).contains("inspect or redrive");
    }

    @Test
    void anUnreachablePrimaryIsOneLineNamingTheClusterAndExitsOne() throws IOException {
        System.setProperty("kafka.bootstrap.servers", refusingAddress());
        System.setProperty("eventgateway.recovery.request-timeout", "1s");

        int exit = run("dlq", "redrive", "--tenant", "acme");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("primary").contains(System.getProperty("kafka.bootstrap.servers"));
    }

    @Test
    void replayWithoutAnS3EndpointIsAUsageErrorNamingTheSetting() throws IOException {
        System.setProperty("kafka.bootstrap.servers", refusingAddress());

        int exit = run("replay-s3", "--dry-run");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("EVENTGATEWAY_S3_ENDPOINT");
    }

    private static String refusingAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
