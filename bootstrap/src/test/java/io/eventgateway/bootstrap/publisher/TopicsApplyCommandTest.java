package io.eventgateway.bootstrap.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.bootstrap.cli.EventGatewayCommand;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code topics apply} through the command line, against the shared broker as both primary and alternate cluster:
 * the second run finds everything in place and changes nothing; a lane topic created beforehand with fewer partitions
 * than planned is drift the command must not fix by itself, so it is reported and the command exits 1. The cluster
 * and topic settings come in as system properties, which Micronaut reads like environment variables.
 */
class TopicsApplyCommandTest {

    private final Map<String, String> systemProperties = new HashMap<>();

    @AfterEach
    void clearSystemProperties() {
        systemProperties.keySet().forEach(System::clearProperty);
    }

    @Test
    void appliedTwiceTheSecondRunReportsEveryTopicUnchanged() {
        String prefix = configureTopics("cli-twice");

        Run first = topicsApply();
        Run second = topicsApply();

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.outcomes()).isNotEmpty().containsOnly("CREATED");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.outcomes()).hasSameSizeAs(first.outcomes()).containsOnly("UNCHANGED");
        assertThat(second.out()).contains(prefix + "p30", prefix + "flow-control", prefix + "failed-writes");
    }

    @Test
    void aLaneTopicWithTooFewPartitionsIsReportedAsDriftAndTheCommandExits1() throws Exception {
        String prefix = configureTopics("cli-drift");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(prefix + "p30", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        Run run = topicsApply();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.rows()).filteredOn(row -> row.startsWith(prefix + "p30 ")).singleElement()
                .satisfies(row -> assertThat(row).contains("DRIFT").contains("partition"));
        assertThat(run.out()).contains("DRIFT needs an operator");
    }

    /** Points the command at the shared broker with small single-node topics under a prefix of its own. */
    private String configureTopics(String name) {
        String prefix = TestTopics.unique(name) + ".";
        String servers = SharedKafkaBroker.bootstrapServers();
        setSystemProperty(GatewayRuntime.KAFKA_BOOTSTRAP_SERVERS, servers);
        setSystemProperty("eventgateway.kafka.alternate.bootstrap-servers", servers);
        setSystemProperty("eventgateway.topics.prefix", prefix);
        PlannedTopics.configuration().forEach((key, value) -> setSystemProperty(key, value.toString()));
        return prefix;
    }

    private void setSystemProperty(String key, String value) {
        systemProperties.put(key, value);
        System.setProperty(key, value);
    }

    private static Run topicsApply() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = EventGatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute("topics", "apply");
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** One run of the command: its exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {

        /** The report's topic rows (a row starts with the topic name, then its outcome). */
        List<String> rows() {
            return out.lines().filter(line -> !line.isBlank() && !line.startsWith(" ")
                    && !line.startsWith("topics apply") && !line.startsWith("TOPIC")).toList();
        }

        List<String> outcomes() {
            return rows().stream().map(row -> row.trim().split("\\s+")[1]).toList();
        }
    }
}
