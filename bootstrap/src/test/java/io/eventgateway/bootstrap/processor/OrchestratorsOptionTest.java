package io.eventgateway.bootstrap.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.bootstrap.cli.EventGatewayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --orchestrators} is checked before anything starts: a usage error (exit 2) on one line. */
class OrchestratorsOptionTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void anEntryThatIsNotHostColonPortIsAUsageErrorNamingIt() {
        int exit = run("--role", "processor", "--orchestrators", "gateway-0:50051,gateway-1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--orchestrators").contains("'gateway-1'");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        int exit = run("--role", "processor", "--orchestrators", "gateway-0:70000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--orchestrators").contains("70000");
    }

    @Test
    void orchestratorsWithoutTheProcessorRoleIsAUsageError() {
        int exit = run("--role", "publisher", "--orchestrators", "gateway-0:50051");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--orchestrators needs the processor role");
    }
}
