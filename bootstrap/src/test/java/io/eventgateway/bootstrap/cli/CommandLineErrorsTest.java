package io.eventgateway.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineErrorsTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownRoleExitsWithUsageErrorAndOneLineNamingIt() {
        int exit = run("--role", "nonsense");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("'nonsense'").contains("publisher, orchestrator");
    }

    @Test
    void anUnknownRoleInsideAListIsNamed() {
        int exit = run("--role", "publisher,procesor");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'procesor'");
    }

    @Test
    void anUnknownFlagExitsWithUsageErrorNamingIt() {
        int exit = run("--role", "all", "--bogus-flag");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--bogus-flag");
    }

    @Test
    void noRoleAndNoSubcommandIsAUsageError() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--role is required");
    }

    @Test
    void helpListsTheRolesAndExitsZero() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--role").contains("publisher, orchestrator, processor, recovery, all");
    }
}
