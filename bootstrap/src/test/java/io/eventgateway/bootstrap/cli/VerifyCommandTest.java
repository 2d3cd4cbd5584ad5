package io.eventgateway.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final String HEADER = "# processed_at_ms,priority,attempt,delivery,ingested_at_ms,deadline_ms,"
            + "outcome,event_id\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int verify(String record, String ledger, String... extra) throws IOException {
        Path recordFile = Files.writeString(dir.resolve("record.csv"), record);
        Path ledgerFile = Files.writeString(dir.resolve("ledger.csv"), ledger);
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] args = new String[4 + extra.length];
        args[0] = "verify";
        args[1] = "--record=" + recordFile;
        args[2] = "--ledger=" + ledgerFile;
        args[3] = "--json";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return commandLine.execute(args);
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void everyStoredEventAckedOnceExitsZeroWithNothingLostDuplicatedOrLate() throws IOException {
        int exit = verify("a,P30,1000\nb,P10,1000\n", HEADER
                + "1100,P30,0,1,1000,6000,ACK,a\n"
                + "1200,P10,0,1,1000,61000,ACK,b\n");

        assertThat(exit).isZero();
        JsonNode report = report();
        assertThat(report.get("stored").asLong()).isEqualTo(2);
        assertThat(report.get("processed").asLong()).isEqualTo(2);
        assertThat(report.get("lost").asLong()).isZero();
        assertThat(report.get("duplicated").asLong()).isZero();
        assertThat(report.get("late").asLong()).isZero();
    }

    @Test
    void aStoredEventMissingFromTheLedgerIsLostAndExitsOne() throws IOException {
        int exit = verify("a,P30,1000\nb,P10,1000\n", HEADER + "1100,P30,0,1,1000,6000,ACK,a\n");

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("lost").asLong()).isEqualTo(1);
        assertThat(report().get("lost_sample").get(0).asText()).isEqualTo("b");
    }

    @Test
    void anEventOnlyRetriedIsStillLost() throws IOException {
        int exit = verify("a,P30,1000\n", HEADER + "1100,P30,0,1,1000,6000,RETRY,a\n");

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("retried").asLong()).isEqualTo(1);
    }

    @Test
    void handlingAgainAfterAnAckIsADuplicateButARetryBeforeItIsNot() throws IOException {
        int exit = verify("a,P20,1000\nb,P20,1000\n", HEADER
                + "1100,P20,0,1,1000,61000,RETRY,a\n"
                + "2200,P20,1,1,1000,61000,ACK,a\n"
                + "1300,P20,0,1,1000,61000,ACK,b\n"
                + "40000,P20,0,2,1000,61000,ACK,b\n"
                + "40001,P20,0,3,1000,61000,FAIL,b\n");

        assertThat(exit).isZero();
        assertThat(report().get("duplicated").asLong()).isEqualTo(2);
        assertThat(report().get("retried").asLong()).isEqualTo(1);
    }

    @Test
    void anEventFirstStartedAfterItsDeadlineIsLate() throws IOException {
        int exit = verify("a,P30,1000\nb,P30,1000\n", HEADER
                + "7000,P30,0,1,1000,6000,ACK,a\n"
                + "5000,P30,0,1,1000,6000,ACK,b\n");

        assertThat(exit).isZero();
        assertThat(report().get("late").asLong()).isEqualTo(1);
        JsonNode p30 = report().at("/by_priority/P30");
        assertThat(p30.get("processed").asLong()).isEqualTo(2);
        assertThat(p30.get("late").asLong()).isEqualTo(1);
        assertThat(p30.get("slo_met_pct").asDouble()).isEqualTo(50.0);
        assertThat(report().at("/by_priority/P10/processed").asLong()).isZero();
    }

    @Test
    void aTornLastLedgerLineIsSkippedAndCounted() throws IOException {
        // "b" was being written when the process died: its append never returned, so it was never ACKed.
        int exit = verify("a,P30,1000\nb,P30,1000\n", HEADER
                + "1100,P30,0,1,1000,6000,ACK,a\n"
                + "1200,P30,0,1,1000,6000,ACK,b");

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("lost").asLong()).isEqualTo(1);
        assertThat(report().get("unreadable_lines").get("ledger").asInt()).isEqualTo(1);
    }

    @Test
    void aTornLastRecordLineIsSkippedAndCounted() throws IOException {
        int exit = verify("a,P30,1000\nb,P3", HEADER + "1100,P30,0,1,1000,6000,ACK,a\n");

        assertThat(exit).isZero();
        assertThat(report().get("stored").asLong()).isEqualTo(1);
        assertThat(report().get("unreadable_lines").get("record").asInt()).isEqualTo(1);
    }

    @Test
    void eventIdsWithCommasSurviveBothFiles() throws IOException {
        int exit = verify("order,42,P10,1000\n", HEADER + "1100,P10,0,1,1000,61000,ACK,order,42\n");

        assertThat(exit).isZero();
        assertThat(report().get("processed").asLong()).isEqualTo(1);
    }

    @Test
    void theTextReportNamesTheCounts() throws IOException {
        Path recordFile = Files.writeString(dir.resolve("r.csv"), "a,P30,1000\n");
        Path ledgerFile = Files.writeString(dir.resolve("l.csv"), HEADER);
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        int exit = commandLine.execute("verify", "--record", recordFile.toString(), "--ledger", ledgerFile.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("lost 1").contains("duplicated 0").contains("late 0")
                .contains("lost ids include a");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingTheOption() {
        CommandLine commandLine = EventGatewayCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("verify", "--record", dir.resolve("nope").toString(), "--ledger",
                dir.resolve("nope2").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--record");
    }
}
