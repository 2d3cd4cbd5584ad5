package io.eventgateway.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventgateway.application.recovery.DeadLetter;
import io.eventgateway.application.recovery.DlqFilter;
import io.eventgateway.application.recovery.DlqRedriveCommand;
import io.eventgateway.application.recovery.DlqRedriveReport;
import io.eventgateway.application.recovery.DlqScan;
import io.eventgateway.application.recovery.InspectedDeadLetter;
import io.eventgateway.bootstrap.recovery.RecoveryAdmin;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlq inspect} and {@code dlq redrive}: the dead-letter queue of the primary cluster. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect the dead-letter queue, or move records from it back to their lane topics.",
        subcommands = {DlqCommand.Inspect.class, DlqCommand.Redrive.class})
final class DlqCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: inspect or redrive");
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Print the matching DLQ records, oldest first per partition: position, event id, tenant, "
                    + "type, attempts, reason, time, and whether a redrive already moved it."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:printed", "1:the primary cluster could not be read", "2:usage error"})
    static final class Inspect implements Callable<Integer> {

        private static final String ROW = "%-22s %-38s %-16s %-24s %8s %-40s %-24s %s%n";

        @Spec
        private CommandSpec spec;

        @Mixin
        private DlqFilterOptions options;

        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        private boolean json;

        @Override
        public Integer call() throws InterruptedException {
            DlqFilter filter = options.filter(spec);
            long limit = options.limit(spec);
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            try (ApplicationContext context = RecoveryCommands.configuration(spec);
                    RecoveryAdmin admin = new RecoveryAdmin(context, RecoveryCommands::pause)) {
                if (!json) {
                    out.printf(Locale.ROOT, ROW, "POSITION", "EVENT ID", "TENANT", "TYPE", "ATTEMPTS", "REASON",
                            "FAILED AT", "REDRIVEN");
                }
                long[] shown = {0};
                DlqScan scan = admin.dlqInspect().inspect(filter, limit, inspected -> {
                    shown[0]++;
                    out.print(json ? json(mapper, inspected) + System.lineSeparator() : row(inspected));
                });
                (json ? spec.commandLine().getErr() : out).printf(Locale.ROOT,
                        "dlq inspect: %d matching records shown (%d scanned, %d unreadable)%n", shown[0],
                        scan.scanned(), scan.unreadable());
                out.flush();
                spec.commandLine().getErr().flush();
                return 0;
            }
        }

        private static String row(InspectedDeadLetter inspected) {
            DeadLetter letter = inspected.letter();
            return String.format(Locale.ROOT, ROW, letter.location(), letter.record().eventId(),
                    letter.record().companyId(), letter.record().eventType(), letter.attemptsSeen(),
                    cut(letter.reason().orElse("-"), 40), letter.time(), inspected.redriven() ? "yes" : "no");
        }

        private static String json(ObjectMapper mapper, InspectedDeadLetter inspected) {
            DeadLetter letter = inspected.letter();
            ObjectNode node = mapper.createObjectNode()
                    .put("position", letter.location())
                    .put("event_id", letter.record().eventId())
                    .put("company_id", letter.record().companyId())
                    .put("event_type", letter.record().eventType())
                    .put("priority", letter.record().priority().name())
                    .put("lane", letter.lane().shortName())
                    .put("attempts", letter.attemptsSeen())
                    .put("reason", letter.reason().orElse(null))
                    .put("failed_at", letter.time().toString())
                    .put("redriven", inspected.redriven());
            letter.deliveries().ifPresent(deliveries -> node.put("deliveries", deliveries));
            letter.firstFailedAt().ifPresent(first -> node.put("first_failed_at", first.toString()));
            try {
                return mapper.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String cut(String text, int width) {
            String line = text.replace('\n', ' ');
            return line.length() <= width ? line : line.substring(0, width - 1) + "~";
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {"Move the matching DLQ records back to their lane topics with the attempt count reset "
                    + "and a redrive mark (headers eg-redriven-from, eg-redriven-at). Each moved DLQ offset is "
                    + "recorded in the compacted marker topic, so an interrupted run resumes and a filtered run "
                    + "never makes later runs skip other records. The DLQ itself is left as it is."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:moved (or nothing to move)",
                    "1:the primary did not take every record; re-run the same command to resume",
                    "2:usage error"})
    static final class Redrive implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private DlqFilterOptions options;

        @Option(names = "--dry-run", description = "Count what would be moved; move nothing.")
        private boolean dryRun;

        @Override
        public Integer call() throws InterruptedException {
            DlqRedriveCommand command = new DlqRedriveCommand(options.filter(spec), options.limit(spec), dryRun);
            try (ApplicationContext context = RecoveryCommands.configuration(spec);
                    RecoveryAdmin admin = new RecoveryAdmin(context, RecoveryCommands::pause)) {
                DlqRedriveReport report = admin.dlqRedrive().redrive(command);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "dlq redrive: %s %d records (%d matched, %d moved by earlier runs; %d"
                        + " scanned, %d unreadable)%n", dryRun ? "would move" : "moved", report.redriven(),
                        report.matched(), report.alreadyRedriven(), report.scanned(), report.unreadable());
                out.flush();
                return 0;
            }
        }
    }
}
