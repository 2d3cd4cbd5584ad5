package io.eventgateway.bootstrap.cli;

import io.eventgateway.application.recovery.ReplaySpoolCommand;
import io.eventgateway.application.recovery.ReplaySpoolReport;
import io.eventgateway.application.recovery.ReplaySpoolService;
import io.eventgateway.bootstrap.recovery.RecoveryAdmin;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code replay-s3}: re-drives S3 spool objects to the primary; exits 1 when an object is kept or the run fails. */
@Command(name = "replay-s3", mixinStandardHelpOptions = true,
        description = {"Re-drive the events the publisher spooled to S3 during an outage to the primary's lane "
                + "topics, oldest object first. An object is deleted only after the primary acked every event in "
                + "it, so an interrupted run re-drives that object again; safe to run twice.",
                "Reads the same configuration as the roles (KAFKA_BOOTSTRAP_SERVERS, EVENTGATEWAY_S3_*)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every listed object replayed (or already gone)",
                "1:an object was kept (corrupt) or the primary or bucket failed; re-run once fixed",
                "2:usage or configuration error"})
final class ReplayS3Command implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Only objects written at or after TIME (ISO-8601 instant, or an age like 2h). "
                    + "Default: the oldest.")
    private Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Only objects written before TIME. Default: now.")
    private Instant to;

    @Option(names = "--dry-run", description = "Read and count the objects; write and delete nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        Instant start = from == null ? Instant.EPOCH : from;
        if (to != null && to.isBefore(start)) {
            throw new ParameterException(spec.commandLine(), "--to (" + to + ") is before --from (" + start + ")");
        }
        try (ApplicationContext context = RecoveryCommands.configuration(spec);
                RecoveryAdmin admin = new RecoveryAdmin(context, RecoveryCommands::pause)) {
            Instant end = to == null ? admin.clock().instant() : to;
            if (end.isBefore(start)) {
                throw new ParameterException(spec.commandLine(), "--from (" + start + ") is in the future");
            }
            ReplaySpoolService service;
            try {
                service = admin.replaySpool(dryRun);
            } catch (RecoveryAdmin.MissingConfigurationException e) {
                throw RecoveryCommands.usage(spec, e);
            }
            PrintWriter out = spec.commandLine().getOut();
            ReplayProgressPrinter progress = new ReplayProgressPrinter(out, System.console() != null,
                    admin.clock(), admin.config().progressInterval());
            ReplaySpoolReport report;
            try {
                report = service.replay(new ReplaySpoolCommand(start, end, dryRun), progress);
            } finally {
                progress.endBar();
            }
            out.printf("replay-s3: %s %d of %d objects, %d events%s%n", dryRun ? "would replay" : "replayed",
                    report.objectsDone(), report.objectsListed(), report.events(),
                    report.isClean() ? "" : "; kept " + report.kept().size() + " (see above)");
            out.flush();
            return report.isClean() ? 0 : OneLineErrors.FAILURE;
        }
    }
}
