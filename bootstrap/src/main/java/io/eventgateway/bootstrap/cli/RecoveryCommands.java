package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.recovery.RecoveryAdmin;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the recovery commands share: the configuration context they read, and its one missing-setting check. */
final class RecoveryCommands {

    private RecoveryCommands() {
    }

    /** The configuration of {@code application.yml}, environment variables and system properties, no roles. */
    static ApplicationContext configuration(CommandSpec spec) {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).banner(false).start();
        if (context.getProperty(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, String.class)
                .filter(servers -> !servers.isBlank()).isEmpty()) {
            context.close();
            throw new ParameterException(spec.commandLine(), "no Kafka cluster configured: set "
                    + "KAFKA_BOOTSTRAP_SERVERS to the primary cluster");
        }
        return context;
    }

    /** A missing setting is a usage error (exit 2), like a missing option. */
    static ParameterException usage(CommandSpec spec, RecoveryAdmin.MissingConfigurationException e) {
        return new ParameterException(spec.commandLine(), e.getMessage());
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(1, duration.toMillis()));
    }
}
