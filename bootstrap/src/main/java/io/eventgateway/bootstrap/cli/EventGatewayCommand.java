package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code event-gateway --role ROLES [options]} runs roles; subcommands are the admin and infrastructure tools. */
@Command(
        name = "event-gateway",
        mixinStandardHelpOptions = true,
        versionProvider = GatewayVersion.class,
        description = "Priority-aware, Kafka-backed event buffer in front of an event-processing fleet.",
        subcommands = {TopicsCommand.class, LoadgenCommand.class, EmbeddedBrokerCommand.class,
                EmbeddedS3Command.class, ReplayS3Command.class, DlqCommand.class})
public final class EventGatewayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--role", paramLabel = "ROLES", converter = RoleSetConverter.class,
            description = "Roles to run, comma-separated: " + RoleSet.VALID + ".")
    private RoleSet roles;

    @Option(names = "--demo", description = "Drive a demo load through every role and print a live summary.")
    private boolean demo;

    @Option(names = "--index", paramLabel = "I",
            description = "Orchestrator replica index (default: the hostname's ordinal, else 0).")
    private Integer index;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where embedded brokers and S3 keep their data (default: temporary, deleted on exit).")
    private Path dataDir;

    /** A command line with this project's one-line error handling; {@link #execute} it. */
    public static CommandLine commandLine() {
        OneLineErrors errors = new OneLineErrors();
        return new CommandLine(new EventGatewayCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (roles == null) {
            throw new ParameterException(spec.commandLine(),
                    "--role is required (valid: " + RoleSet.VALID + ") unless a subcommand is given");
        }
        Map<String, Object> properties = new HashMap<>();
        if (index != null) {
            properties.put("eventgateway.orchestrator.index", index);
        }
        GatewayRuntime runtime = GatewayRuntime.start(new LaunchOptions(roles, demo, dataDir, properties));
        return ForegroundService.runUntilStopped(spec, runtime,
                "event-gateway: roles " + roles + " running, HTTP on port " + runtime.httpPort());
    }
}
