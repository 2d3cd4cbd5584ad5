package io.eventgateway.bootstrap.demo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The totals of a timed demo, written as the summary JSON other tools read (these keys, no others):
 * {@code duration_s} the time the load was offered; {@code throughput_eps} processed events per second from the
 * start of the load until the drain ended; {@code totals}; {@code priorities} P30, P20, P10.
 *
 * @param drained every stored event was processed or dead-lettered before the drain timeout (not written)
 */
@JsonPropertyOrder({"duration_s", "throughput_eps", "totals", "priorities"})
public record DemoResult(
        @JsonProperty("duration_s") double durationSeconds,
        @JsonProperty("throughput_eps") double throughputPerSecond,
        @JsonProperty("totals") Totals totals,
        @JsonProperty("priorities") Map<String, PriorityFigures> priorities,
        @JsonIgnore boolean drained) {

    public DemoResult {
        Objects.requireNonNull(totals, "totals");
        priorities = Collections.unmodifiableMap(new LinkedHashMap<>(priorities));
    }

    /** 0 when every stored event was processed or dead-lettered; 1 when one was lost or the drain timed out. */
    public int exitCode() {
        return drained && totals.lost() == 0 && totals.pending() == 0 ? 0 : 1;
    }

    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo summary " + file, e);
        }
    }

    /** {@code published} counts events offered to the publisher; {@code stored} those it reported stored. */
    @JsonPropertyOrder({"published", "stored", "stored_primary", "stored_alternate", "stored_s3", "processed",
            "duplicates", "retried", "dlq", "pending", "lost"})
    public record Totals(
            @JsonProperty("published") long published,
            @JsonProperty("stored") long stored,
            @JsonProperty("stored_primary") long storedPrimary,
            @JsonProperty("stored_alternate") long storedAlternate,
            @JsonProperty("stored_s3") long storedS3,
            @JsonProperty("processed") long processed,
            @JsonProperty("duplicates") long duplicates,
            @JsonProperty("retried") long retried,
            @JsonProperty("dlq") long dlq,
            @JsonProperty("pending") long pending,
            @JsonProperty("lost") long lost) {
    }

    @JsonPropertyOrder({"published", "processed", "slo_met_pct", "latency_ms"})
    public record PriorityFigures(
            @JsonProperty("published") long published,
            @JsonProperty("processed") long processed,
            @JsonProperty("slo_met_pct") double sloMetPct,
            @JsonProperty("latency_ms") Latency latencyMs) {
    }

    @JsonPropertyOrder({"p50", "p99", "max"})
    public record Latency(
            @JsonProperty("p50") long p50,
            @JsonProperty("p99") long p99,
            @JsonProperty("max") long max) {
    }
}
