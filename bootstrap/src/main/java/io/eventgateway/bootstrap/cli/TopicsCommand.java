package io.eventgateway.bootstrap.cli;

import io.eventgateway.adapters.kafka.topics.TopicApplyReport;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import io.eventgateway.bootstrap.topics.TopicsApplier;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code topics apply [--dry-run]}: creates or validates every topic; exits 1 when drift cannot be fixed. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage the gateway's Kafka topics.",
        subcommands = TopicsCommand.Apply.class)
final class TopicsCommand {

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create missing topics and fix config drift on the primary and alternate clusters; "
                    + "report drift that cannot be fixed (too few partitions). Idempotent.")
    static final class Apply implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dry-run", description = "Report what would change; change nothing.")
        private boolean dryRun;

        @Override
        public Integer call() {
            try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).banner(false)
                    .start()) {
                if (context.getProperty(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, String.class).isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "no Kafka cluster configured: set "
                            + "KAFKA_BOOTSTRAP_SERVERS (and EVENTGATEWAY_KAFKA_ALTERNATE_BOOTSTRAP_SERVERS)");
                }
                List<TopicApplyReport> reports = context.getBean(TopicsApplier.class).apply(dryRun);
                boolean drift = false;
                for (TopicApplyReport report : reports) {
                    spec.commandLine().getOut().println(report.render());
                    drift |= report.hasUnfixableDrift();
                }
                spec.commandLine().getOut().flush();
                return drift ? OneLineErrors.FAILURE : 0;
            }
        }
    }
}
