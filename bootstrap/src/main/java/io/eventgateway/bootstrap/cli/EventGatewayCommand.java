package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.processor.OrchestratorAddress;
import io.eventgateway.bootstrap.role.Role;
import io.eventgateway.bootstrap.role.RoleSet;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.runtime.LaunchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
        subcommands = {TopicsCommand.class, LoadgenCommand.class, VerifyCommand.class, EmbeddedBrokerCommand.class,
                EmbeddedS3Command.class, ReplayS3Command.class, DlqCommand.class})
public final class EventGatewayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--role", paramLabel = "ROLES", converter = RoleSetConverter.class,
            description = "Roles to run, comma-separated: " + RoleSet.VALID + ".")
    private RoleSet roles;

    @Option(names = "--demo", description = "Drive a demo load through every role and print a live summary.")
    private boolean demo;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --demo: stop the load after DURATION (e.g. 60s), wait for the backlog to drain, print "
                    + "the totals and exit: 0 when nothing was lost, 1 otherwise.")
    private Duration duration;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "With --duration: also write the totals to FILE as JSON.")
    private Path summaryJson;

    @Option(names = "--index", paramLabel = "I",
            description = "Orchestrator replica index (default: the hostname's ordinal, else 0).")
    private Integer index;

    @Option(names = "--orchestrators", paramLabel = "HOST:PORT[,...]",
            description = "Orchestrator replicas the processor role leases from (default: this process's own, which "
                    + "needs the orchestrator role here). Sets eventgateway.processor.orchestrators.")
    private String orchestrators;

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
        if (duration != null && !(demo && roles.isAll())) {
            throw new ParameterException(spec.commandLine(), "--duration needs --demo and --role all");
        }
        if (summaryJson != null && duration == null) {
            throw new ParameterException(spec.commandLine(), "--summary-json needs --duration");
        }
        Map<String, Object> properties = new HashMap<>();
        if (index != null) {
            properties.put("eventgateway.orchestrator.index", index);
        }
        if (orchestrators != null) {
            properties.put("eventgateway.processor.orchestrators", orchestratorTargets());
        }
        GatewayRuntime runtime = GatewayRuntime.start(new LaunchOptions(roles, demo, dataDir, properties));
        if (duration != null) {
            return TimedDemo.run(spec, runtime, duration, summaryJson);
        }
        return ForegroundService.runUntilStopped(spec, runtime,
                "event-gateway: roles " + roles + " running, HTTP on port " + runtime.httpPort());
    }

    private List<String> orchestratorTargets() {
        if (!roles.has(Role.PROCESSOR)) {
            throw new ParameterException(spec.commandLine(), "--orchestrators needs the processor role (--role "
                    + "processor)");
        }
        try {
            return OrchestratorAddress.parseList(orchestrators).stream().map(OrchestratorAddress::toString).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--orchestrators: " + e.getMessage()
                    + " (expected host:port,...)");
        }
    }
}
