package io.eventgateway.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.bootstrap.ledger.DeadLetterIds;
import io.eventgateway.bootstrap.ledger.LedgerContents;
import io.eventgateway.bootstrap.ledger.Reconciliation;
import io.eventgateway.bootstrap.loadgen.AcceptedRecordContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: what became of the events a gateway reported stored (a {@code loadgen --record} file), from the
 * demo handler's ledger and, when a broker is given, the dead-letter topic. Exits 0 when nothing is lost.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compare a loadgen record with a demo ledger (and the DLQ): print lost, duplicated and late "
                + "counts; exit 0 when nothing is lost, 1 otherwise.")
final class VerifyCommand implements Callable<Integer> {

    private static final Duration DLQ_READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--record", required = true, paramLabel = "FILE",
            description = "Stored events: event_id,priority,acked_at_ms per line (loadgen --record).")
    private Path record;

    @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "The demo handler's ledger.")
    private Path ledger;

    @Option(names = "--dlq-bootstrap", paramLabel = "HOST:PORT",
            description = "Primary Kafka cluster, to read the dead-letter topic's event ids (default: no DLQ read; "
                    + "events the handler FAILed still count as processed).")
    private String dlqBootstrap;

    @Option(names = "--prefix", defaultValue = TopicNames.DEFAULT_PREFIX, description = "Topic name prefix.")
    private String prefix;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        requireFile(record, "--record");
        requireFile(ledger, "--ledger");
        AcceptedRecordContents accepted = AcceptedRecordContents.read(record);
        LedgerContents handled = LedgerContents.read(ledger);
        DeadLetterIds.Contents deadLetters = dlqBootstrap == null ? new DeadLetterIds.Contents(Set.of(), 0)
                : DeadLetterIds.read(dlqBootstrap, new TopicNames(prefix).dlq(), new ProtobufStoredRecordCodec(),
                        DLQ_READ_TIMEOUT);
        Reconciliation result = Reconciliation.of(accepted.events(), handled.entries(), deadLetters.eventIds(), 0);
        String report = json ? json(result, accepted, handled) : text(result, accepted, handled);
        spec.commandLine().getOut().println(report);
        spec.commandLine().getOut().flush();
        return result.lost() == 0 ? 0 : OneLineErrors.FAILURE;
    }

    private void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is not a readable file");
        }
    }

    private static String text(Reconciliation result, AcceptedRecordContents accepted, LedgerContents handled) {
        StringBuilder text = new StringBuilder(String.format(
                "verify: stored %d, processed %d, dead-lettered %d -> lost %d, duplicated %d, late %d (retried %d;"
                        + " unreadable lines: record %d, ledger %d)",
                result.stored(), result.processed(), result.deadLettered(), result.lost(), result.duplicates(),
                result.late(), result.retried(), accepted.unreadableLines(), handled.unreadableLines()));
        if (result.lost() > 0) {
            text.append(System.lineSeparator()).append("verify: lost ids include ")
                    .append(String.join(", ", result.missingSample()));
        }
        return text.toString();
    }

    private static String json(Reconciliation result, AcceptedRecordContents accepted, LedgerContents handled)
            throws JsonProcessingException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", result.stored());
        out.put("processed", result.processed());
        out.put("dead_lettered", result.deadLettered());
        out.put("lost", result.lost());
        out.put("duplicated", result.duplicates());
        out.put("late", result.late());
        out.put("retried", result.retried());
        Map<String, Object> byPriority = new LinkedHashMap<>();
        result.byPriority().forEach((priority, figures) -> byPriority.put(priority, Map.of(
                "processed", figures.processed(), "late", figures.late(), "slo_met_pct", figures.sloMetPct(),
                "p50_ms", figures.latencyP50Ms(), "p99_ms", figures.latencyP99Ms())));
        out.put("by_priority", byPriority);
        out.put("unreadable_lines", Map.of("record", accepted.unreadableLines(), "ledger", handled.unreadableLines()));
        out.put("lost_sample", result.lost() > 0 ? result.missingSample() : List.of());
        return new ObjectMapper().writeValueAsString(out);
    }
}
