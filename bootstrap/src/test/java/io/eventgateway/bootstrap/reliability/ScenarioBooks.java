package io.eventgateway.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.bootstrap.cli.EventGatewayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The independent check of a scenario: the {@code verify} command (stored record vs. the demo ledger and the DLQ),
 * run in this JVM, its {@code --json} answer kept as the books.
 *
 * @param exitCode  {@code verify}'s exit code: 0 when nothing is lost
 * @param sloMetPct share of processed events first handled by their deadline, by priority (P30, P20, P10)
 */
record ScenarioBooks(long stored, long processed, long deadLettered, long lost, long duplicated, int exitCode,
        Map<String, Double> sloMetPct, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ScenarioBooks verify(ScenarioGateway gateway) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = EventGatewayCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("verify", "--record", gateway.record().toString(), "--ledger", gateway.ledger().toString(),
                        "--dlq-bootstrap", gateway.brokers(), "--prefix", gateway.prefix(), "--json");
        if (out.toString().isBlank()) {
            throw new IllegalStateException("verify printed nothing (exit " + exitCode + "): " + err);
        }
        try {
            JsonNode books = JSON.readTree(out.toString());
            Map<String, Double> sloMetPct = new LinkedHashMap<>();
            books.get("by_priority").fields().forEachRemaining(priority -> sloMetPct.put(priority.getKey(),
                    priority.getValue().get("slo_met_pct").asDouble()));
            return new ScenarioBooks(books.get("stored").asLong(), books.get("processed").asLong(),
                    books.get("dead_lettered").asLong(), books.get("lost").asLong(), books.get("duplicated").asLong(),
                    exitCode, sloMetPct, out.toString().strip());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
