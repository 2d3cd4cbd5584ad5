package io.eventgateway.bootstrap.cli;

import io.eventgateway.application.recovery.DlqFilter;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The filter options {@code dlq inspect} and {@code dlq redrive} share. */
final class DlqFilterOptions {

    @Option(names = "--tenant", paramLabel = "ID", description = "Only records of this tenant (company_id).")
    private String tenant;

    @Option(names = "--type", paramLabel = "T", description = "Only records of this event type.")
    private String type;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Only records dead-lettered at or after TIME (ISO-8601 instant, or an age like 2h).")
    private Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Only records dead-lettered before TIME.")
    private Instant to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "At most N records (default: no limit).")
    private long limit;

    DlqFilter filter(CommandSpec spec) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to (" + to + ") is before --from (" + from + ")");
        }
        return new DlqFilter(text(spec, tenant, "--tenant"), text(spec, type, "--type"), Optional.ofNullable(from),
                Optional.ofNullable(to));
    }

    long limit(CommandSpec spec) {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, was " + limit);
        }
        return limit;
    }

    private static Optional<String> text(CommandSpec spec, String value, String option) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " must not be blank");
        }
        return Optional.ofNullable(value);
    }
}
